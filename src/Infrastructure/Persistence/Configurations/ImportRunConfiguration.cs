using System.Text.Json;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>Import runs: the file's text until the run ends, the report as JSON, listed newest first; the worker reads them by state.</summary>
internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    private const int EnumNameMaxLength = 20;
    private const int ActorRolesMaxLength = 400;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.ToTable("ImportRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Reference).HasMaxLength(Application.Imports.ImportRows.ReferenceMaxLength);
        run.HasIndex(r => r.Reference).IsUnique();
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(EnumNameMaxLength);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(EnumNameMaxLength);
        run.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMaxLength);
        run.Property(r => r.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        run.Property(r => r.ActorName).HasMaxLength(PersistenceLimits.ActorNameMaxLength);
        run.Property(r => r.ActorRoles).HasConversion(RolesConverter, RolesComparer).HasMaxLength(ActorRolesMaxLength);
        run.Property(r => r.Problems).HasConversion(ProblemsConverter, ProblemsComparer);
        run.Property(r => r.Revision).IsConcurrencyToken();
        run.Ignore(r => r.IsFinished);
        run.Ignore(r => r.Actor);
        run.HasIndex(r => new { r.QueuedAt, r.Id });
        // The worker's looks read the runs of one state, oldest first, every poll interval (decisions 088 and 090).
        run.HasIndex(r => new { r.State, r.QueuedAt });
    }

    private static readonly ValueConverter<IReadOnlyList<string>, string> RolesConverter = new(
        roles => string.Join(',', roles), text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static readonly ValueComparer<IReadOnlyList<string>> RolesComparer = new(
        (a, b) => a!.SequenceEqual(b!), roles => roles.Aggregate(0, (hash, role) => HashCode.Combine(hash, role)), roles => roles.ToArray());

    private static readonly ValueConverter<IReadOnlyList<Error>, string> ProblemsConverter = new(
        problems => JsonSerializer.Serialize(problems, Json), text => JsonSerializer.Deserialize<Error[]>(text, Json) ?? Array.Empty<Error>());

    private static readonly ValueComparer<IReadOnlyList<Error>> ProblemsComparer = new(
        (a, b) => a!.SequenceEqual(b!), problems => problems.Aggregate(0, (hash, problem) => HashCode.Combine(hash, problem)), problems => problems.ToArray());
}
