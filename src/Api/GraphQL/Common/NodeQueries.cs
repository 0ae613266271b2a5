using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary><c>node(id)</c> and <c>nodes(ids)</c>: refetch any object by id, through every registered <see cref="INodeResolver"/>.</summary>
public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this id, whatever its type; null when it does not exist or the caller may not read it "
                + "(its type's scope, or a channel outside a partner key's own).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The object's id.")
            // Every resolver answers with the caller's channels only (INodeResolver's contract).
            .OpenToPartners()
            .ResolveAsync(async context => (await ResolveAsync(context, [context.IdArgument("id")]))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these ids (at most {MaxIds}), in the order asked, null where node(id) would be null.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The objects' ids.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var raw = context.GetArgument<List<string>>("ids");
                if (raw.Count > MaxIds)
                    throw new ExecutionError($"ids: at most {MaxIds} ids per call, got {raw.Count}.") { Code = SchemaErrorCodes.InvalidArgument };
                var ids = raw.Select((id, i) => Guid.TryParse(id, out var parsed)
                    ? parsed
                    : throw new ExecutionError($"ids[{i}]: '{id}' is not a valid id.") { Code = SchemaErrorCodes.InvalidArgument }).ToList();
                return await ResolveAsync(context, ids);
            });
    }

    /// <summary>Each resolver sees the ids the ones before it did not find, all at once (one batch per type).</summary>
    private static async Task<object?[]> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids)
    {
        var found = new Dictionary<Guid, object>();
        foreach (var resolver in context.RequestServices!.GetServices<INodeResolver>())
        {
            var open = ids.Where(id => !found.ContainsKey(id)).Distinct().ToList();
            if (open.Count == 0)
                break;
            foreach (var (id, node) in await resolver.ResolveAsync(context, open))
                found[id] = node;
        }
        return [.. ids.Select(id => found.GetValueOrDefault(id))];
    }
}
