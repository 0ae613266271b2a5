using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Domain.Access;
using GraphQL;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>Returns for node(id)/nodes(ids), through GetReturn, which answers a return outside the caller's channels as not found.</summary>
public sealed class ReturnNodeResolver : INodeResolver
{
    public async Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids)
    {
        var caller = context.Caller();
        var found = new Dictionary<Guid, object>();
        if (!caller.Scopes.Contains(ApiScopes.ReturnsRead, StringComparer.Ordinal))
            return found;
        // A cache read per id: nodes takes at most 100, and most of its ids are orders, answered before this resolver is asked.
        foreach (var id in ids)
        {
            if ((await context.QueryAsync<GetReturn, ReturnView>(new GetReturn(id, caller.Actor()))) is { IsSuccess: true } view)
                found[id] = view.Value;
        }
        return found;
    }
}
