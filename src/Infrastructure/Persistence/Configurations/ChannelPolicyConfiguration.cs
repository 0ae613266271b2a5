using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>
/// A channel's policy lives in columns of its Channels row (a complex type: replaced as a whole, never shared).
/// Location and rule lists are comma-separated: codes and rule names cannot contain a comma, the lists are short,
/// and one column reads the same on both providers.
/// </summary>
internal static class ChannelPolicyConfiguration
{
    private const int RuleOrderMaxLength = 200;

    public static void Configure(ComplexPropertyBuilder<ChannelPolicy> policy)
    {
        policy.Property(p => p.EligibleLocations).HasConversion(LocationListConverter, LocationListComparer)
            .HasMaxLength(ChannelPolicy.MaxLocations * (LocationCode.MaxLength + 1));
        policy.Property(p => p.AlternateLocations).HasConversion(LocationListConverter, LocationListComparer)
            .HasMaxLength(ChannelPolicy.MaxLocations * (LocationCode.MaxLength + 1));
        policy.Property(p => p.RuleOrder).HasConversion(RuleListConverter, RuleListComparer).HasMaxLength(RuleOrderMaxLength);
    }

    private static readonly ValueConverter<IReadOnlyList<LocationCode>, string> LocationListConverter = new(
        codes => string.Join(',', codes.Select(c => c.Value)),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(LocationCode.Of).ToArray());

    private static readonly ValueComparer<IReadOnlyList<LocationCode>> LocationListComparer = new(
        (a, b) => a!.SequenceEqual(b!), codes => codes.Aggregate(0, (hash, code) => HashCode.Combine(hash, code)), codes => codes.ToArray());

    // By name, as before the rules were typed: the stored text does not change and does not depend on the enum's numbers.
    private static readonly ValueConverter<IReadOnlyList<AllocationRule>, string> RuleListConverter = new(
        rules => string.Join(',', rules.Select(r => r.ToString())),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AllocationRule>).ToArray());

    private static readonly ValueComparer<IReadOnlyList<AllocationRule>> RuleListComparer = new(
        (a, b) => a!.SequenceEqual(b!), rules => rules.Aggregate(0, (hash, rule) => HashCode.Combine(hash, rule)), rules => rules.ToArray());
}
