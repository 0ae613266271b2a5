using System.Text.Json;
using System.Text.Json.Serialization;
using EcomErp.Domain.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>The exception case aggregate: its row (subject in columns, priority factors as JSON) and its timeline rows.</summary>
internal sealed class ExceptionCaseConfiguration : IEntityTypeConfiguration<ExceptionCase>
{
    internal const string CaseIdColumn = "CaseId";
    private const int PriorityFactorsMaxLength = 2000;

    // Kinds by name: the stored factors do not depend on the enum's numbers.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<ExceptionCase> exceptionCase)
    {
        exceptionCase.ToTable("ExceptionCases");
        exceptionCase.HasKey(c => c.Id);
        exceptionCase.Property(c => c.Id).HasConversion(id => id.Value, value => new ExceptionCaseId(value)).ValueGeneratedNever();
        exceptionCase.ComplexProperty(c => c.Subject, subject =>
        {
            subject.Property(s => s.Kind).HasColumnName("SubjectKind");
            subject.Property(s => s.Id).HasColumnName("SubjectId");
            subject.Property(s => s.LineNumber).HasColumnName("SubjectLineNumber");
            subject.Property(s => s.ShipmentId).HasColumnName("SubjectShipmentId");
        });
        // One case per hold: a replayed OrderHoldPlaced finds the case, and a race between two deliveries loses on this index.
        exceptionCase.HasIndex(c => c.HoldId).IsUnique();
        exceptionCase.Property(c => c.Channel).HasMaxLength(Domain.Common.ChannelCode.MaxLength);
        exceptionCase.Property(c => c.Reason).HasMaxLength(ExceptionCase.ReasonMaxLength);
        exceptionCase.Property(c => c.Queue).HasMaxLength(ExceptionCase.QueueMaxLength);
        exceptionCase.Property(c => c.Assignee).HasMaxLength(ExceptionCase.AssigneeMaxLength);
        exceptionCase.Property(c => c.EscalatedTo).HasMaxLength(ExceptionCase.QueueMaxLength);
        exceptionCase.Property(c => c.RaisedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        exceptionCase.Property(c => c.ClosedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        exceptionCase.Property(c => c.ResolutionNote).HasMaxLength(ExceptionCaseErrors.NoteMaxLength);
        exceptionCase.Property(c => c.PriorityFactors).HasConversion(FactorsConverter, FactorsComparer).HasMaxLength(PriorityFactorsMaxLength);
        exceptionCase.Ignore(c => c.Priority);
        exceptionCase.Ignore(c => c.IsClosed);
        exceptionCase.HasIndex(c => new { c.Status, c.DueAt });
        exceptionCase.HasIndex(c => new { c.Queue, c.Status });

        exceptionCase.HasMany(c => c.Timeline).WithOne().HasForeignKey(CaseIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        exceptionCase.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static readonly ValueConverter<IReadOnlyList<PriorityFactor>, string> FactorsConverter = new(
        factors => JsonSerializer.Serialize(factors, Json),
        text => JsonSerializer.Deserialize<PriorityFactor[]>(text, Json) ?? Array.Empty<PriorityFactor>());

    private static readonly ValueComparer<IReadOnlyList<PriorityFactor>> FactorsComparer = new(
        (a, b) => a!.SequenceEqual(b!), factors => factors.Aggregate(0, (hash, factor) => HashCode.Combine(hash, factor)), factors => factors.ToArray());
}

internal sealed class ExceptionCaseEntryConfiguration : IEntityTypeConfiguration<ExceptionCaseEntry>
{
    public void Configure(EntityTypeBuilder<ExceptionCaseEntry> entry)
    {
        entry.ToTable("ExceptionCaseTimeline");
        entry.HasKey(ExceptionCaseConfiguration.CaseIdColumn, nameof(ExceptionCaseEntry.Sequence));
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(PersistenceLimits.TimelineActionMaxLength);
        entry.Property(e => e.Note).HasMaxLength(ExceptionCase.ReasonMaxLength);
    }
}
