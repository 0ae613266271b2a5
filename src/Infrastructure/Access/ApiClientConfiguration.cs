using System.Text.Json;
using EcomErp.Domain.Access;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Access;

/// <summary>API clients; a key is found by its unique prefix. Scopes, roles and channels are short lists kept as JSON arrays.</summary>
internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    /// <summary>Six scopes or a few dozen channel codes as a JSON array fit well within this.</summary>
    internal const int ListMaxLength = 2_000;

    public void Configure(EntityTypeBuilder<ApiClient> client)
    {
        client.ToTable("ApiClients");
        client.HasKey(c => c.Id);
        client.Property(c => c.Id).ValueGeneratedNever();
        client.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        client.Property(c => c.KeyPrefix).HasMaxLength(ApiClient.PrefixLength).IsFixedLength();
        client.HasIndex(c => c.KeyPrefix).IsUnique();
        client.Property(c => c.KeyHash).HasMaxLength(ApiClient.HashLength).IsFixedLength();
        client.Property(c => c.CreatedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        client.Property(c => c.RevokedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        client.Ignore(c => c.IsActive);
        MapList(client.Property(c => c.Scopes), "_scopes");
        // Clients issued before roles could be granted read an empty list, not an empty string that is no JSON.
        MapList(client.Property(c => c.Roles), "_roles").HasDefaultValue(Array.Empty<string>());
        MapList(client.Property(c => c.Channels), "_channels");
    }

    private static PropertyBuilder<IReadOnlyList<string>> MapList(PropertyBuilder<IReadOnlyList<string>> list, string field) =>
        list.HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new StringListConverter(), new StringListComparer())
            .HasMaxLength(ListMaxLength);

    /// <summary>A short list of strings as a JSON array (also the audit log's roles and error codes).</summary>
    internal sealed class StringListConverter() : ValueConverter<IReadOnlyList<string>, string>(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>());

    /// <summary>Compares by content and snapshots a copy, so a change to the list is seen as a change of the column.</summary>
    internal sealed class StringListComparer() : ValueComparer<IReadOnlyList<string>>(
        (left, right) => left == null ? right == null : right != null && left.SequenceEqual(right),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());
}
