using System.Reflection;
using EcomErp.Domain.Audit;
using EcomErp.Testing;

namespace EcomErp.Architecture.Tests;

/// <summary>The audit log is append-only in the code: nothing can change an entry, and nothing in src tries to change or remove one.</summary>
public class AuditLogAppendOnlyTests
{
    /// <summary>The only source files that name the entry's table or set: where it is mapped, appended and read.</summary>
    private static readonly string[] FilesThatTouchTheLog =
    [
        "src/Infrastructure/Persistence/ErpDbContext.cs",
        "src/Infrastructure/Persistence/UnitOfWork.cs",
        "src/Infrastructure/Audit/AuditLog.cs",
        "src/Infrastructure/Audit/AuditEntryConfiguration.cs",
        "src/Infrastructure/ReadModels/AuditLogReader.cs",
    ];

    [Fact]
    public void AnAuditEntry_HasNoSetterAndNoMethodThatChangesIt_OnlyFactoriesThatRecordOne()
    {
        var type = typeof(AuditEntry);

        Assert.All(type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic),
            property => Assert.True(property.SetMethod is null || property.SetMethod.IsPrivate, $"{property.Name} can be set from outside the entry."));
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly), m => !m.IsSpecialName);
        Assert.Equal([nameof(AuditEntry.Refused), nameof(AuditEntry.Succeeded)],
            type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly).Select(m => m.Name).Order());
    }

    [Fact]
    public void NoSourceFile_UpdatesOrDeletesAuditEntries_AndOnlyTheMappingTheAppendAndTheReaderTouchTheirSet()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();

        var touching = files.Where(f => f.Text.Contains("Set<AuditEntry>", StringComparison.Ordinal) || f.Text.Contains("db.AuditLog", StringComparison.Ordinal)
            || f.Text.Contains("AuditEntryConfiguration.Table", StringComparison.Ordinal) || f.Text.Contains("Entries<AuditEntry>", StringComparison.Ordinal)
            || f.Text.Contains("IEntityTypeConfiguration<AuditEntry>", StringComparison.Ordinal) || f.Text.Contains("db.Add(", StringComparison.Ordinal) && f.Text.Contains("AuditEntry", StringComparison.Ordinal))
            .Select(f => f.Path).ToList();
        Assert.Subset(FilesThatTouchTheLog.ToHashSet(), touching.ToHashSet());
        Assert.All(files.Where(f => FilesThatTouchTheLog.Contains(f.Path)), f => Assert.True(
            !f.Text.Contains("ExecuteUpdate", StringComparison.Ordinal) && !f.Text.Contains("ExecuteDelete", StringComparison.Ordinal)
            && !f.Text.Contains(".Remove(", StringComparison.Ordinal) && !f.Text.Contains(".Update(", StringComparison.Ordinal),
            $"{f.Path} updates or deletes rows where the audit log is touched."));
        Assert.All(files, f => Assert.False(f.Text.Contains("AuditLog", StringComparison.Ordinal)
            && (f.Text.Contains("DELETE FROM", StringComparison.OrdinalIgnoreCase) || f.Text.Contains("UPDATE AuditLog", StringComparison.OrdinalIgnoreCase)),
            $"{f.Path} has SQL that changes the audit log."));
    }
}
