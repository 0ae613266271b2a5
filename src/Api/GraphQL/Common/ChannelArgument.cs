using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>A subscription's <c>channel</c> argument, checked as a query's would be.</summary>
public static class ChannelArgument
{
    /// <summary>
    /// The normalised channel code, or null when the argument was not given. A malformed code is its code's error, a channel
    /// outside a restricted key's own is FORBIDDEN, an unknown one CHANNEL_NOT_FOUND.
    /// </summary>
    public static async Task<string?> ChannelArgumentAsync(this IResolveFieldContext context, ApiCaller caller, string name = "channel")
    {
        if (context.GetArgument<string?>(name) is not { } named)
            return null;
        var code = ChannelCode.Create(named);
        if (code.IsFailure)
            throw new ExecutionError($"{name}: {code.Error.Message}") { Code = code.Error.Code };
        caller.RequireChannel(code.Value.Value);
        var known = context.ValueOrThrow(await context.QueryAsync<ListChannels, IReadOnlyList<ChannelView>>(new ListChannels([code.Value.Value])));
        if (known.Count == 0)
        {
            var missing = ChannelPolicyErrors.ChannelNotFound(code.Value);
            throw new ExecutionError($"{name}: {missing.Message}") { Code = missing.Code };
        }
        return code.Value.Value;
    }
}
