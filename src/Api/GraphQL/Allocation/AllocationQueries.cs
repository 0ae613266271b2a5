using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Allocation;

/// <summary>Allocation queries: the dry run. It reads read models only, and a partner plans for its own channels only.</summary>
public static class AllocationQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<AllocationPreviewPayloadType>("allocationPreview")
            .Description("A dry run of allocation: which location would ship what, what would be backordered, how many shipments at what split/expedite cost, "
                + "and the rule that decided each line. Give exactly one of orderId and order (else ALLOCATION_PREVIEW_ONE_SOURCE_REQUIRED). "
                + $"Reserves nothing. Needs '{ApiScopes.InventoryRead}', and '{ApiScopes.OrdersRead}' for an orderId.")
            .Argument<IdGraphType>("orderId", "A stored order: its units not yet allocated are planned.")
            .Argument<AllocationPreviewInputType>("order", "An unsaved order to plan.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.InventoryRead);
                var order = context.GetArgument<AllocationPreviewInput?>("order");
                Guid? orderId = null;
                if (context.GetArgument<string?>("orderId") is { } rawId)
                {
                    context.RequireScope(ApiScopes.OrdersRead);
                    // A malformed id is the client's mistake like an unknown one: the same code on the same field. Beside an
                    // order it stays Guid.Empty, so the query refuses the pair.
                    if (!Guid.TryParse(rawId, out var id) && order is null)
                        return new AllocationPreviewPayload(null, [new Error(OrderErrors.NotFoundCode, $"'{rawId}' is not a valid order id.", "orderId")]);
                    orderId = id;
                }

                var answer = await context.QueryAsync<GetAllocationPreview, AllocationPreviewView>(
                    new GetAllocationPreview(orderId, order?.ToOrder(), caller.VisibleChannels()));
                return answer.IsSuccess ? new AllocationPreviewPayload(answer.Value, []) : new AllocationPreviewPayload(null, answer.Errors);
            });
    }
}
