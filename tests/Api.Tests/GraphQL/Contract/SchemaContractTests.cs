using EcomErp.Api.GraphQL;
using EcomErp.Testing;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace EcomErp.Api.Tests.GraphQL.Contract;

/// <summary>
/// The schema is a contract with front-end teams and partners: any change shows up as a snapshot diff, and
/// <c>schema.graphql</c> in the repository root says the same. After a deliberate change, regenerate both with
/// <c>ECOMERP_UPDATE_SCHEMA=1 dotnet test tests/Api.Tests --filter "FullyQualifiedName~GraphQL.Contract"</c>.
/// </summary>
public sealed class SchemaContractTests
{
    private const string RegenerateCommand = "ECOMERP_UPDATE_SCHEMA=1 dotnet test tests/Api.Tests --filter \"FullyQualifiedName~GraphQL.Contract\"";

    private static readonly bool Regenerate = Environment.GetEnvironmentVariable("ECOMERP_UPDATE_SCHEMA") == "1";

    private static ISchema BuildSchema()
    {
        var services = new ServiceCollection().AddErpSchema().BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    [Fact]
    public void PrintedSdl_MatchesTheCommittedSnapshot()
    {
        var sdl = SchemaDocument.Print(BuildSchema());

        // The contract's own switch regenerates the snapshot together with schema.graphql.
        CommittedSnapshot.Match(sdl, Snapshot.FullName(), Regenerate || CommittedSnapshot.UpdateRequested);
    }

    [Fact]
    public void SchemaGraphqlInTheRepositoryRoot_IsThePrintedSdl()
    {
        var sdl = SchemaDocument.Print(BuildSchema());
        var path = RepositoryFiles.PathOf(SchemaDocument.FileName);
        if (Regenerate)
        {
            File.WriteAllText(path, sdl);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == sdl,
            $"{SchemaDocument.FileName} differs from the schema; regenerate it (and the snapshot) with: {RegenerateCommand}");
    }

    [Fact]
    public void EveryTypeFieldArgumentAndEnumValue_HasADescription()
    {
        var schema = BuildSchema();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
                missing.Add(type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                        missing.Add($"{type.Name}.{field.Name}");
                    missing.AddRange((field.Arguments ?? []).Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                }
            }
            if (type is EnumerationGraphType enumeration)
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
        }

        Assert.Empty(missing);
    }
}
