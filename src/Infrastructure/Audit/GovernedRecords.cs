using System.Globalization;
using EcomErp.Application.Audit;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders.Views;
using EcomErp.Domain.Policies;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EcomErp.Infrastructure.Audit;

/// <summary>
/// The master data and policy whose changes the audit log keeps before and after, read from the change tracker as the command
/// saves (original against current values), and the properties it never shows. A new governed record type is one line here.
/// </summary>
internal static class GovernedRecords
{
    /// <summary>Each governed type with the properties the log leaves out: secrets, and what finds them.</summary>
    private static readonly Dictionary<Type, string[]> Hidden = new()
    {
        [typeof(Sku)] = [],
        [typeof(Channel)] = [],
        [typeof(Location)] = [],
        [typeof(Customer)] = [],
        [typeof(Supplier)] = [],
        [typeof(Carrier)] = [],
        [typeof(PolicyChange)] = [],
        // A rename reads as before and after; the owner id is the actor the entry names already.
        [typeof(SavedOrderView)] = [nameof(SavedOrderView.NormalizedName)],
        // The hash proves a key and the prefix finds it: neither belongs in a log that many people read.
        [typeof(ApiClient)] = [nameof(ApiClient.KeyHash), nameof(ApiClient.KeyPrefix)],
    };

    public static bool IsGoverned(Type type) => Hidden.ContainsKey(type);

    /// <summary>The entry a command's save carries: the command, its subject (the added record's id when it creates one) and the governed changes.</summary>
    public static AuditEntry EntryFor(AuditedCommand command, ChangeTracker tracker, DateTimeOffset at)
    {
        var entries = tracker.Entries().ToList();
        return AuditEntry.Succeeded(command.Name, command.Actor, SubjectOf(command.Subject, entries), [.. entries.Select(ChangeOf).OfType<AuditedChange>(), .. command.Changes], at);
    }

    private static AuditSubject SubjectOf(AuditSubject subject, IEnumerable<EntityEntry> entries)
    {
        if (subject.Id is not null)
            return subject;
        var added = entries.FirstOrDefault(e => e.State == EntityState.Added && e.Metadata.ClrType.Name == subject.Kind);
        return added is null ? subject : subject with { Id = OutboxMessage.AggregateIdOf(added) };
    }

    private static AuditedChange? ChangeOf(EntityEntry entry)
    {
        if (!Hidden.TryGetValue(entry.Metadata.ClrType, out var hidden))
            return null;
        var kind = entry.State switch
        {
            EntityState.Added => AuditedChangeKind.Added,
            EntityState.Modified => AuditedChangeKind.Modified,
            EntityState.Deleted => AuditedChangeKind.Deleted,
            _ => (AuditedChangeKind?)null,
        };
        if (kind is not { } changeKind)
            return null;
        var values = ValuesOf(entry.Properties, entry.ComplexProperties, "", changeKind)
            .Where(v => !hidden.Contains(v.Property, StringComparer.Ordinal)).ToList();
        return changeKind == AuditedChangeKind.Modified && values.Count == 0
            ? null
            : new AuditedChange(entry.Metadata.ClrType.Name, OutboxMessage.AggregateIdOf(entry), changeKind, values);
    }

    /// <summary>Every value of a record added or deleted; of a modified one, those that changed. A complex property's values are named <c>Policy.ShipBySlaHours</c>.</summary>
    private static IEnumerable<AuditedValue> ValuesOf(
        IEnumerable<PropertyEntry> properties, IEnumerable<ComplexPropertyEntry> complexProperties, string prefix, AuditedChangeKind kind)
    {
        foreach (var property in properties)
        {
            var before = kind == AuditedChangeKind.Added ? null : Text(property, property.OriginalValue);
            var after = kind == AuditedChangeKind.Deleted ? null : Text(property, property.CurrentValue);
            if (kind != AuditedChangeKind.Modified || (property.IsModified && before != after))
                yield return new AuditedValue(prefix + property.Metadata.Name, before, after);
        }
        foreach (var complex in complexProperties)
        {
            foreach (var value in ValuesOf(complex.Properties, complex.ComplexProperties, $"{prefix}{complex.Metadata.Name}.", kind))
                yield return value;
        }
    }

    /// <summary>A value as people read it: plain values as such, typed ones (codes, lists) as the store keeps them.</summary>
    private static string? Text(PropertyEntry property, object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        Enum named => named.ToString(),
        IFormattable plain when value.GetType().IsPrimitive || value is decimal or Guid or DateOnly => plain.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(property.Metadata.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value, CultureInfo.InvariantCulture),
    };
}
