using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>What a document asks of introspection, read from the root fields of its operations.</summary>
public enum IntrospectionUse
{
    /// <summary>No <c>__schema</c> or <c>__type</c> (<c>__typename</c> is not introspection of the schema).</summary>
    None,

    /// <summary>Only <c>__schema</c>, <c>__type</c> and <c>__typename</c>: the document gets the introspection limits.</summary>
    Only,

    /// <summary>Introspection beside data fields: the document gets the ordinary limits, introspection counted in them.</summary>
    Mixed,
}

/// <summary>
/// Introspection is bounded apart from data: a document that only introspects gets limits of its own (depth and fields
/// sized for <c>getIntrospectionQuery()</c>, complexity against this schema's real sizes), one that mixes it with data
/// fields is measured as any other, with introspection fields costing their real sizes too.
/// </summary>
internal static class Introspection
{
    private static readonly Func<FieldImpactContext, FieldComplexityResult> DefaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;

    private static readonly ConditionalWeakTable<ISchema, IReadOnlyDictionary<string, int>> ListSizes = [];

    public static IntrospectionUse Of(GraphQLDocument document)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First());
        var visited = new HashSet<string>();
        bool introspects = false, readsData = false;

        void Visit(GraphQLSelectionSet? selectionSet)
        {
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field when field.Name.Value.Span is "__schema" or "__type":
                        introspects = true;
                        break;
                    case GraphQLField field when field.Name.Value.Span is "__typename":
                        break;
                    case GraphQLField:
                        readsData = true;
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        Visit(fragment.SelectionSet);
                        break;
                }
            }
        }

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            Visit(operation.SelectionSet);
        }

        return !introspects ? IntrospectionUse.None : readsData ? IntrospectionUse.Mixed : IntrospectionUse.Only;
    }

    /// <summary>
    /// A field of an introspection type costs 1 and multiplies its children by the size its list can really have in this
    /// schema (the engine's default of 5 per list is far too high for a chain of <c>ofType</c> and far too low for
    /// <c>types</c>); other fields cost what the engine's default says.
    /// </summary>
    public static FieldComplexityResult Impact(FieldImpactContext context)
    {
        if (!context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return DefaultImpact(context);
        }

        var type = context.FieldDefinition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : context.FieldDefinition.ResolvedType;
        if (type is not ListGraphType)
        {
            return new FieldComplexityResult(1, 1);
        }

        var sizes = ListSizes.GetValue(context.ValidationContext.Schema, MeasureLists);
        return new FieldComplexityResult(1, sizes.GetValueOrDefault($"{context.ParentType.Name}.{context.FieldDefinition.Name}", sizes.Values.Max()));
    }

    /// <summary>The longest list each introspection list field can return in this schema (at least 1).</summary>
    private static IReadOnlyDictionary<string, int> MeasureLists(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var outputFields = types.OfType<IComplexGraphType>().Where(type => type is IObjectGraphType or IInterfaceGraphType).SelectMany(type => type.Fields).ToList();
        return new Dictionary<string, int>
        {
            ["__Schema.types"] = types.Count,
            ["__Schema.directives"] = schema.Directives.Count,
            ["__Type.fields"] = Largest(types.OfType<IComplexGraphType>().Where(type => type is IObjectGraphType or IInterfaceGraphType).Select(type => type.Fields.Count)),
            ["__Type.inputFields"] = Largest(types.OfType<IInputObjectGraphType>().Select(type => type.Fields.Count)),
            ["__Type.interfaces"] = Largest(types.OfType<IImplementInterfaces>().Select(type => type.ResolvedInterfaces.Count)),
            ["__Type.possibleTypes"] = Largest(types.OfType<IAbstractGraphType>().Select(type => type.PossibleTypes.Count)),
            ["__Type.enumValues"] = Largest(types.OfType<EnumerationGraphType>().Select(type => type.Values.Count)),
            ["__Field.args"] = Largest(outputFields.Select(field => field.Arguments?.Count ?? 0)),
            ["__Directive.args"] = Largest(schema.Directives.Select(directive => directive.Arguments?.Count ?? 0)),
            ["__Directive.locations"] = 1,
        };
    }

    private static int Largest(IEnumerable<int> counts) => Math.Max(1, counts.DefaultIfEmpty(0).Max());
}
