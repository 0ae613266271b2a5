using System.Reflection;
using System.Text.RegularExpressions;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Architecture.Tests;

/// <summary>
/// Error codes are a contract: each is declared once, as a described constant of a catalog, and the API's UserErrorCode
/// enum holds exactly the domain's and application's codes, so a userError never carries a code the schema cannot serialize.
/// </summary>
public partial class ErrorCodeTests
{
    private static readonly Assembly Domain = typeof(Error).Assembly;
    private static readonly Assembly Application = typeof(ExpectedErrors).Assembly;

    [Fact]
    public void ErrorCodes_AreWrittenOnlyAsConstants_NeverAsLiteralsWhereAnErrorIsMade()
    {
        var violations = new List<string>();
        foreach (var file in SourceFiles("src"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var codeLiteral = ScreamingSnakeLiteral().IsMatch(line) && !ConstDeclaration().IsMatch(line);
                if (codeLiteral || LiteralInAnErrorPosition().IsMatch(line))
                    violations.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)}:{i + 1}: {line.Trim()}");
            }
        }

        Assert.True(violations.Count == 0, "Declare the code as a described constant of its catalog and refer to it:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryCodeDeclaredInTheDomainAndApplication_IsAUserErrorCodeValue_AndEveryValueIsSuchACode()
    {
        var declared = SourceFiles(Path.Combine("src", "Domain")).Concat(SourceFiles(Path.Combine("src", "Application")))
            // Ledger reason codes name why stock moved, return reasons why a customer sends units back, account codes the chart's
            // accounts; they are not failures.
            .Where(file => Path.GetFileName(file) is not ("ReasonCodes.cs" or "ReturnReasons.cs" or "ChartOfAccounts.cs"))
            .SelectMany(file => CodeDeclaration().Matches(File.ReadAllText(file)).Select(m => m.Groups["code"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var enumValues = new UserErrorCodeType().Values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(declared.Except(enumValues).Order(StringComparer.Ordinal));
        Assert.Empty(enumValues.Except(declared).Order(StringComparer.Ordinal));
        Assert.True(declared.Count > 100, $"the scan found only {declared.Count} codes; is the declaration pattern still right?");
    }

    [Fact]
    public void EveryUserErrorCodeValue_IsItsCodeInScreamingCase_WithADescription()
    {
        var values = new UserErrorCodeType().Values.ToList();

        Assert.All(values, value =>
        {
            Assert.Equal(value.Name, value.Value);
            Assert.True(DescribedErrorCodes.IsScreamingCase(value.Name), value.Name);
            Assert.False(string.IsNullOrWhiteSpace(value.Description), value.Name);
        });
    }

    [Fact]
    public void EveryStringConstantOfAnErrorCatalog_IsADescribedCode_OrNamesOne()
    {
        var described = ExpectedErrors.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var undescribed = Domain.GetTypes().Concat(Application.GetTypes())
            .Where(type => type.IsAbstract && type.IsSealed && type.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Where(field => field.GetCustomAttribute<ErrorDescriptionAttribute>() is null
                    && !described.Contains((string)field.GetRawConstantValue()!))
                .Select(field => $"{type.Name}.{field.Name}"))
            .ToList();

        Assert.Empty(undescribed);
    }

    [Fact]
    public void ScreamingCase_IsUpperCaseWordsJoinedBySingleUnderscores()
    {
        Assert.All(["ORDER_NOT_FOUND", "FORBIDDEN", "MAX_2_LINES"], code => Assert.True(DescribedErrorCodes.IsScreamingCase(code), code));
        Assert.All(["", "order_not_found", "OrderNotFound", "_ORDER", "ORDER_", "ORDER__NOT", "2_ORDERS", "ORDER-NOT"],
            code => Assert.False(DescribedErrorCodes.IsScreamingCase(code), code));
    }

    [Fact]
    public void ReadingTheCodes_Fails_WhenACodeIsNotScreamingCase_OrDeclaredTwice()
    {
        var notScreaming = Assert.Throws<InvalidOperationException>(() => DescribedErrorCodes.In([typeof(LowerCaseCatalog)]));
        Assert.Contains("order_lost", notScreaming.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<InvalidOperationException>(() => DescribedErrorCodes.In([typeof(FirstCatalog), typeof(SecondCatalog)]));
        Assert.Contains("ORDER_LOST", twice.Message, StringComparison.Ordinal);
    }

    private static class LowerCaseCatalog
    {
        [ErrorDescription("Never.")]
        public const string Lost = "order_lost";
    }

    private static class FirstCatalog
    {
        [ErrorDescription("Never.")]
        public const string Lost = "ORDER_LOST";
    }

    private static class SecondCatalog
    {
        [ErrorDescription("Never either.")]
        public const string Lost = "ORDER_LOST";
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"));

    // A SCREAMING_SNAKE string literal, e.g. "ORDER_NOT_FOUND".
    [GeneratedRegex("\"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\"")]
    private static partial Regex ScreamingSnakeLiteral();

    [GeneratedRegex(@"\bconst\s+string\s+\w+\s*=")]
    private static partial Regex ConstDeclaration();

    // Where a one-word code would hide from the pattern above: new Error("FORBIDDEN", ...), new("X", ...), Code = "X", WithErrorCode("X").
    [GeneratedRegex("""(?:\bnew\s*(?:Error)?\s*\(|\bWithErrorCode\s*\(|\b(?:Error)?Code\s*=)\s*"[A-Z]""")]
    private static partial Regex LiteralInAnErrorPosition();

    [GeneratedRegex("""public\s+const\s+string\s+\w+\s*=\s*"(?<code>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"\s*;""")]
    private static partial Regex CodeDeclaration();
}
