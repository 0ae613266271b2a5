using System.Text.Json;
using System.Text.Json.Serialization;
using EcomErp.Domain.Audit;
using EcomErp.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Audit;

/// <summary>
/// The audit log's table: one row per entry, roles and error codes as JSON arrays, the before/after changes as a JSON document
/// (kinds by name). Indexed for its three questions: by time, by subject, by actor, each newest first.
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    internal const string Table = "AuditLog";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable(Table);
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorIdMaxLength);
        entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        entry.Property(e => e.ActorRoles).HasConversion(new ApiClientConfiguration.StringListConverter(), new ApiClientConfiguration.StringListComparer())
            .HasMaxLength(ApiClientConfiguration.ListMaxLength);
        entry.Property(e => e.Command).HasMaxLength(AuditEntry.CommandMaxLength);
        entry.Property(e => e.SubjectKind).HasMaxLength(AuditSubject.KindMaxLength);
        entry.Property(e => e.SubjectId).HasMaxLength(AuditSubject.IdMaxLength);
        entry.Property(e => e.ErrorCodes).HasConversion(new ApiClientConfiguration.StringListConverter(), new ApiClientConfiguration.StringListComparer())
            .HasMaxLength(ApiClientConfiguration.ListMaxLength);
        // Unbounded: a record added shows every value. The entry is never changed, so its snapshot is the list itself.
        entry.Property(e => e.Changes).HasConversion(ChangesConverter, ChangesComparer);
        entry.HasIndex(e => e.RecordedAt);
        entry.HasIndex(e => new { e.SubjectId, e.RecordedAt });
        entry.HasIndex(e => new { e.ActorId, e.RecordedAt });
    }

    private static readonly ValueConverter<IReadOnlyList<AuditedChange>, string> ChangesConverter = new(
        changes => JsonSerializer.Serialize(changes, Json),
        json => JsonSerializer.Deserialize<List<AuditedChange>>(json, Json) ?? new List<AuditedChange>());

    private static readonly ValueComparer<IReadOnlyList<AuditedChange>> ChangesComparer = new(
        (left, right) => ReferenceEquals(left, right), changes => changes.Count, changes => changes);
}
