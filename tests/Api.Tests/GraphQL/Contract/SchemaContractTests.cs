using EcomErp.Api.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace EcomErp.Api.Tests.GraphQL.Contract;

/// <summary>The schema is a contract with front-end teams and partners: any change shows up as a snapshot diff.</summary>
public sealed class SchemaContractTests
{
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
        var sdl = BuildSchema().Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal });

        sdl.MatchSnapshot();
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
