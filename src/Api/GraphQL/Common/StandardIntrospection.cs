using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// Makes the schema answer the introspection query that graphql-js's <c>getIntrospectionQuery()</c> sends with every
/// option on, which GraphiQL, graphql-codegen, Apollo and Relay tooling send as they are. GraphQL.NET 8.8.5 serves most of
/// it once its features are on (input value deprecation, <c>isRepeatable</c>, <c>isOneOf</c>, the schema's description);
/// two fields of the October 2021 specification it lacks are added to its own introspection types here.
/// </summary>
public static class StandardIntrospection
{
    public static void EnableFeatures(ISchema schema)
    {
        // includeDeprecated on __Field.args and __Type.inputFields, isDeprecated/deprecationReason on __InputValue.
        schema.Features.DeprecationOfInputValues = true;
        schema.Features.RepeatableDirectives = true;
    }

    /// <summary>Called for each type before the schema initializes it; completes the two introspection types that need it.</summary>
    public static void Complete(IGraphType type)
    {
        switch (type)
        {
            case __Type typeType when typeType.GetField("specifiedByURL") is null:
                // Only custom scalars may name a specification, and none of this schema's does.
                typeType.Field<StringGraphType>("specifiedByURL")
                    .Description("`specifiedByURL` may return a String (in the form of a URL) for custom scalars, otherwise it will return `null`.")
                    .Resolve(_ => null);
                break;
            case __Directive directiveType when directiveType.GetField("args") is { } args
                && args.Arguments?.Find("includeDeprecated") is null && args.Resolver is { } resolver:
                args.Arguments ??= [];
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                args.Resolver = new DeprecatedArgumentsFilter(resolver);
                break;
        }
    }

    /// <summary><c>__Directive.args(includeDeprecated:)</c>: without the flag, deprecated arguments are left out, as the specification says.</summary>
    private sealed class DeprecatedArgumentsFilter(IFieldResolver inner) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            var arguments = await inner.ResolveAsync(context);
            return context.GetArgument<bool>("includeDeprecated") || arguments is not IEnumerable<QueryArgument> all
                ? arguments
                : all.Where(argument => argument.DeprecationReason is null).ToList();
        }
    }
}
