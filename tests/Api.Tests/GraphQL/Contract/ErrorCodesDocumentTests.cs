using System.Text;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace EcomErp.Api.Tests.GraphQL.Contract;

/// <summary>
/// docs/errors.md lists every code a client can meet, generated from the declarations so it cannot drift from them.
/// </summary>
public sealed class ErrorCodesDocumentTests
{
    public const string RegenerateCommand =
        "ECOMERP_WRITE_DOCS=1 dotnet test tests/Api.Tests --filter \"FullyQualifiedName~ErrorCodesDocument\"";

    private static readonly string DocumentPath = Path.Combine(RepositoryFiles.Root, "docs", "errors.md");

    [Fact]
    public void ErrorsDocument_IsGeneratedFromTheCodesTheApiDeclares()
    {
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("ECOMERP_WRITE_DOCS") == "1")
            File.WriteAllText(DocumentPath, expected);

        var actual = File.Exists(DocumentPath) ? File.ReadAllText(DocumentPath).ReplaceLineEndings("\n") : "";

        Assert.True(expected == actual, $"docs/errors.md is stale; regenerate it with: {RegenerateCommand}");
    }

    [Fact]
    public void ErrorsDocument_ListsTheEngineCodesTheTransportTestsMeet()
    {
        var engine = EngineCodes();

        Assert.Contains("SYNTAX_ERROR", engine);
        Assert.Contains("FIELDS_ON_CORRECT_TYPE", engine);
        Assert.Contains("INVALID_VALUE", engine);
        Assert.Contains("NO_OPERATION", engine);
        Assert.Contains("NO_OPERATION_NAME", engine);
    }

    private static string Generate()
    {
        var text = new StringBuilder();
        text.Append("# Error codes\n\n")
            .Append("Generated from the code by `tests/Api.Tests/GraphQL/Contract/ErrorCodesDocumentTests.cs`; do not edit by hand. A test fails when\n")
            .Append("this file is stale. Regenerate it with:\n\n")
            .Append("```bash\n").Append(RegenerateCommand).Append("\n```\n\n")
            .Append("Clients branch on codes, never on messages: `message` is for people and may change.\n\n")
            .Append("## userErrors: `UserErrorCode`\n\n")
            .Append("A mutation's expected business failures come back in its payload's `userErrors { code field message }`, with `code` a\n")
            .Append("value of the GraphQL enum `UserErrorCode` (serialized as its name). The enum is built from the domain's and the\n")
            .Append("application's error catalogs, where each code is declared once with `[ErrorDescription]`; architecture tests keep the\n")
            .Append("two equal, so every code a result can carry has an enum value.\n\n");
        Table(text, ExpectedErrors.All);
        text.Append("## GraphQL errors: `extensions.code`\n\n")
            .Append("Errors in the response's `errors` array carry a string code in `extensions.code` (the GraphQL errors convention, so\n")
            .Append("these are not an enum). Every error has one.\n\n")
            .Append("### Transport\n\n")
            .Append("Written by the HTTP and WebSocket transport, before or around execution.\n\n");
        Table(text, DescribedErrorCodes.In([typeof(GraphQLErrorCodes)]));
        text.Append("### Schema\n\n")
            .Append("Written by resolvers for arguments and permissions.\n\n");
        Table(text, DescribedErrorCodes.In([typeof(SchemaErrorCodes), typeof(Paging)]));
        text.Append("### Expected failures of queries\n\n")
            .Append("A query has no payload for userErrors: when its arguments fail a domain rule (an unknown channel, a malformed SKU code,\n")
            .Append("too many SKUs) each failure becomes an error whose `extensions.code` is the `UserErrorCode` value above, for example\n")
            .Append("`CHANNEL_NOT_FOUND` or `SKU_CODE_INVALID`, and whose message starts with the argument at fault.\n\n")
            .Append("### GraphQL engine\n\n")
            .Append("A document that does not parse is `SYNTAX_ERROR`; one that fails validation or variable coercion carries the code of\n")
            .Append("the GraphQL.NET rule it broke (the specification's validation rules; the message says what is wrong):\n\n");
        foreach (var code in EngineCodes())
            text.Append("- `").Append(code).Append("`\n");
        return text.ToString();
    }

    private static void Table(StringBuilder text, IEnumerable<DescribedErrorCode> codes)
    {
        text.Append("| code | when |\n| --- | --- |\n");
        foreach (var code in codes)
            text.Append("| `").Append(code.Code).Append("` | ").Append(code.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        text.Append('\n');
    }

    // A parse error is SYNTAX_ERROR; a validation error is named after its rule, as GraphQL.NET's ValidationError names
    // it: the type's name without its Error suffix (FieldsOnCorrectTypeError is FIELDS_ON_CORRECT_TYPE), and so are the
    // documents with no operation to run (an empty one; several operations and no operationName).
    private static List<string> EngineCodes() =>
        [.. typeof(ValidationError).Assembly.GetExportedTypes()
            .Where(type => type is { IsAbstract: false } && type.IsSubclassOf(typeof(ValidationError)))
            .Append(typeof(NoOperationError))
            .Append(typeof(NoOperationNameError))
            .Select(type => ErrorInfoProvider.GetErrorCode(type) is var code && code.EndsWith("_ERROR", StringComparison.Ordinal) ? code[..^"_ERROR".Length] : code)
            .Append(ErrorInfoProvider.GetErrorCode(typeof(SyntaxError)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
