using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EcomErp.Testing;

namespace EcomErp.Architecture.Tests;

/// <summary>
/// How the Domain's source is laid out: one type per file, named after it, so a reader finds a type by its name. The one
/// exception is the model file <c>Common/Codes.cs</c>, whose small value objects read best side by side (issue 10).
/// </summary>
public partial class SourceLayoutTests
{
    private static readonly Assembly Domain = Assembly.Load("EcomErp.Domain");
    private static readonly string DomainFolder = RepositoryFiles.PathOf("src", "Domain");
    private static readonly string ModelFile = Path.Combine(DomainFolder, "Common", "Codes.cs");

    [Fact]
    public void EveryDomainType_LivesInAFileOfItsOwnName_OrInTheCodesModelFile()
    {
        var files = SourceFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var codes = TypesDeclaredIn(ModelFile);

        var homeless = TopLevelTypes().Where(name => !files.Contains(name) && !codes.Contains(name)).ToList();

        Assert.True(homeless.Count == 0, $"Domain types without a file of their own name: {string.Join(", ", homeless)}");
    }

    [Fact]
    public void EveryDomainFile_DeclaresOneType_ExceptTheCodesModelFile()
    {
        var crowded = SourceFiles()
            .Where(file => file != ModelFile)
            .Select(file => (File: Path.GetRelativePath(DomainFolder, file), Types: TypesDeclaredIn(file)))
            .Where(entry => entry.Types.Count != 1)
            .Select(entry => $"{entry.File} ({string.Join(", ", entry.Types)})")
            .ToList();

        Assert.True(crowded.Count == 0, $"Domain files declaring other than one type: {string.Join("; ", crowded)}");
    }

    [Fact]
    public void TheLayoutCheck_SeesEveryTopLevelDeclaration_OfAFile()
    {
        // The two rules above lean on this reading of a file; it must count what C# declares at the top level only.
        var declared = TopLevelDeclarations().Matches("""
            /// <summary>Not a declaration: public class InAComment</summary>
            public sealed record OrderLine(int Number)
            {
                public sealed class Nested;
            }
            internal readonly record struct Money(long Minor);
            public enum Kind { A }
            """).Select(match => match.Groups["name"].Value);

        Assert.Equal(["OrderLine", "Money", "Kind"], declared);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(DomainFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static List<string> TypesDeclaredIn(string file) =>
        [.. TopLevelDeclarations().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value)];

    private static IEnumerable<string> TopLevelTypes() =>
        Domain.GetTypes()
            .Where(type => !type.IsNested && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null && type.Namespace is not null)
            .Select(type => type.Name.Split('`')[0])
            .Where(name => !name.StartsWith('<'));

    // A declaration at the start of a line, unindented: the Domain uses file-scoped namespaces, so top-level types are.
    [GeneratedRegex(@"^(?:public|internal)(?:\s+(?:sealed|static|abstract|readonly|partial|record))*\s+(?:class|record|struct|enum|interface)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDeclarations();
}
