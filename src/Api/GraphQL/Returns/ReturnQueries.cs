using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Domain.Access;
using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>Return queries through their Application query handlers; a partner sees its own channels' returns only.</summary>
public static class ReturnQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ReturnType>("return")
            .Description($"One return by id; null when it does not exist or is outside the caller's channels. Needs the '{ApiScopes.ReturnsRead}' scope.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The return's id.")
            // GetReturn answers a return outside the actor's channels as not found.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                var view = await context.QueryAsync<GetReturn, ReturnView>(new GetReturn(context.IdArgument("id"), caller.Actor()));
                return view.IsFailure && view.Error.Code == ReturnErrors.NotFoundCode ? null : context.ValueOrThrow(view);
            });
    }
}
