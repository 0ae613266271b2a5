using EcomErp.Api.GraphQL;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Interop;

/// <summary>
/// What GraphiQL, graphql-codegen and Apollo's tooling do first, done by the real graphql-js against the real host:
/// introspect with every option on, build a client schema from the answer, validate it and print it.
/// </summary>
public sealed class GraphQLJsInteropTests
{
    [Fact]
    public async Task GraphQLJs_BuildsAValidClientSchemaByIntrospection_WithTheServersTypes()
    {
        await using var api = await LiveApi.StartAsync();
        var key = await api.IssueKeyAsync([ApiScopes.OrdersRead]);

        var (exitCode, printed, error) = await GraphQLJs.RunAsync(
            "introspect.mjs", [new Uri(api.Address, "/graphql").ToString()], new Dictionary<string, string> { ["ECOMERP_API_KEY"] = key });

        Assert.True(exitCode == 0, $"graphql-js failed ({exitCode}): {error}");
        var client = GraphQLParser.Parser.Parse(printed);
        var schema = Assert.Single(client.Definitions.OfType<GraphQLSchemaDefinition>());
        Assert.Equal(
            ["query: Query", "mutation: Mutation", "subscription: Subscription"],
            schema.OperationTypes.Select(root => $"{root.Operation.ToString().ToLowerInvariant()}: {root.Type!.Name.StringValue}"));
        var order = client.Definitions.OfType<GraphQLObjectTypeDefinition>().Single(type => type.Name.StringValue == "Order");
        Assert.Contains(order.Fields!.Items, field => field.Name.StringValue == "status");

        var server = GraphQLParser.Parser.Parse(SchemaDocument.Print(api.Services.GetRequiredService<ISchema>()));
        Assert.Equal(TypeNames(server), TypeNames(client));
    }

    private static SortedSet<string> TypeNames(GraphQLDocument document) =>
        new(document.Definitions.OfType<GraphQLTypeDefinition>().Select(type => type.Name.StringValue), StringComparer.Ordinal);
}
