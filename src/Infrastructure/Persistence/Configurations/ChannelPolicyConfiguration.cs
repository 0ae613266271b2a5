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
        policy.Property(p => p.RuleOrder).HasConversion(NameListConverter, NameListComparer).HasMaxLength(RuleOrderMaxLength);
    }

    private static readonly ValueConverter<IReadOnlyList<LocationCode>, string> LocationListConverter = new(
        codes => string.Join(',', codes.Select(c => c.Value)),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(LocationCode.Of).ToArray());

    private static readonly ValueComparer<IReadOnlyList<LocationCode>> LocationListComparer = new(
        (a, b) => a!.SequenceEqual(b!), codes => codes.Aggregate(0, (hash, code) => HashCode.Combine(hash, code)), codes => codes.ToArray());

    private static readonly ValueConverter<IReadOnlyList<string>, string> NameListConverter = new(
        names => string.Join(',', names),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static readonly ValueComparer<IReadOnlyList<string>> NameListComparer = new(
        (a, b) => a!.SequenceEqual(b!), names => names.Aggregate(0, (hash, name) => HashCode.Combine(hash, name)), names => names.ToArray());
}
