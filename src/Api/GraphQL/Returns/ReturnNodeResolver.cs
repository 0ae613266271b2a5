using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturns;
using EcomErp.Domain.Access;
using GraphQL;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>Returns for node(id)/nodes(ids), in one read for every id through GetReturns, which leaves out returns outside the caller's channels.</summary>
public sealed class ReturnNodeResolver : INodeResolver
{
    public async Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids)
    {
        var caller = context.Caller();
        if (!caller.Scopes.Contains(ApiScopes.ReturnsRead, StringComparer.Ordinal))
            return new Dictionary<Guid, object>();
        var found = context.ValueOrThrow(await context.QueryAsync<GetReturns, IReadOnlyDictionary<Guid, ReturnView>>(new GetReturns(ids, caller.Actor())));
        return found.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
    }
}
