using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>The answer of an order mutation: the order as the command left it, or the business errors.</summary>
public sealed record OrderPayload(OrderNode? Order, IReadOnlyList<Error> UserErrors, bool WasAlreadyCaptured = false)
{
    public static OrderPayload Failed(IReadOnlyList<Error> errors) => new(null, errors);
}

// Built with new per mutation (name and description vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class OrderPayloadType : ObjectGraphType<OrderPayload>
{
    public OrderPayloadType(string name, string description, bool isCapture = false)
    {
        Name = name;
        Description = description;
        Field<OrderType>("order").Description("The order after the mutation; null when it failed.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
        if (isCapture)
            Field<NonNullGraphType<BooleanGraphType>>("wasAlreadyCaptured")
                .Description("True when this exact order had been captured before: the first capture is returned and nothing changed.")
                .Resolve(c => c.Source.WasAlreadyCaptured);
    }
}

/// <summary>Order mutations: each sends one command and maps its result; expected failures become userErrors.</summary>
public static class OrderMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field("captureOrder", new NonNullGraphType(new OrderPayloadType("CaptureOrderPayload", "Result of captureOrder.", isCapture: true)))
            .Description("Captures an order from a channel. Repeating the same order returns the first capture; the same id with different content is ORDER_DUPLICATE_CAPTURE_CONFLICT.")
            .Argument<NonNullGraphType<CaptureOrderInputType>>("input", "The order.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersWrite);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>();
                var result = await handler.HandleAsync(context.GetArgument<CaptureOrderInput>("input").ToCommand(caller.Actor()), context.CancellationToken);
                return result.IsSuccess
                    ? new OrderPayload(OrderNode.Of(result.Value.Order), [], result.Value.WasAlreadyCaptured)
                    : OrderPayload.Failed(result.Errors);
            });

        Step<Application.Orders.ReleaseOrder.ReleaseOrder>(mutation, "releaseOrder", "Releases an allocated order to the warehouse (owner: OperationsManager).",
            ApiScopes.FulfillmentWrite, null, (i, id, actor) => new(id, actor, i.ExpectedVersion));
        Step<Application.Orders.StartPicking.StartPicking>(mutation, "startPicking", "The warehouse starts picking a released order.",
            ApiScopes.FulfillmentWrite, null, (i, id, actor) => new(id, actor, i.ExpectedVersion));
        Step<Application.Orders.ConfirmPick.ConfirmPick>(mutation, "confirmPick", "The warehouse confirms every line picked in full.",
            ApiScopes.FulfillmentWrite, null, (i, id, actor) => new(id, actor, i.ExpectedVersion));
        Step<Application.Orders.ConfirmPack.ConfirmPack>(mutation, "confirmPack", "The warehouse confirms the picked order packed.",
            ApiScopes.FulfillmentWrite,
            t => t.Field<NonNullGraphType<IntGraphType>>("packageCount").Description("Number of packages, 1 to 999.").DefaultValue(1),
            (i, id, actor) => new(id, actor, i.PackageCount, i.ExpectedVersion));
        Step<Application.Orders.ConfirmShipment.ConfirmShipment>(mutation, "confirmShipment",
            "The carrier took one shipment of the packed order (its reserved stock leaves the ledger); after the last one the order is invoiced automatically.",
            ApiScopes.FulfillmentWrite,
            t =>
            {
                t.Field<NonNullGraphType<StringGraphType>>("carrier").Description($"Carrier name, 1 to {Order.CarrierMaxLength} characters.");
                t.Field<NonNullGraphType<StringGraphType>>("trackingNumber").Description($"Tracking number, 1 to {Order.TrackingNumberMaxLength} characters.");
                t.Field<IdGraphType>("shipmentId").Description("The shipment that left; may be left out when the order has exactly one open shipment.");
            },
            (i, id, actor) => i.TryGetShipmentId(out var shipmentId)
                ? new(id, actor, i.Carrier, i.TrackingNumber, i.ExpectedVersion, shipmentId)
                : null);
        Step<Application.Orders.ReportShortPick.ReportShortPick>(mutation, "reportShortPick",
            "A picker found fewer units of a line than its shipment reserved: they are written off and allocated again, backordered or held as a shortfall.",
            ApiScopes.FulfillmentWrite,
            t =>
            {
                t.Field<NonNullGraphType<IntGraphType>>("lineNumber").Description("The order line short-picked.");
                t.Field<NonNullGraphType<IntGraphType>>("missingQuantity").Description("Units not found, at least 1 and at most what the shipment holds of the line.");
                t.Field<IdGraphType>("shipmentId").Description("The shipment short-picked; may be left out when only one open shipment holds the line.");
            },
            (i, id, actor) => i.TryGetShipmentId(out var shipmentId)
                ? new(id, actor, i.LineNumber, i.MissingQuantity, shipmentId, i.ExpectedVersion)
                : null);
        Step<Application.Orders.InvoiceOrder.InvoiceOrder>(mutation, "invoiceOrder", "Invoices a shipped order now (it also happens automatically after shipment). Finance's step: a key needs the Finance role granted.",
            ApiScopes.OrdersWrite, null, (i, id, actor) => new(id, actor, i.ExpectedVersion));
        Step<Application.Orders.CompleteOrder.CompleteOrder>(mutation, "completeOrder", "Closes an invoiced order. Finance's step: a key needs the Finance role granted.",
            ApiScopes.OrdersWrite, null, (i, id, actor) => new(id, actor, i.ExpectedVersion));
        Step<Application.Orders.CancelOrder.CancelOrder>(mutation, "cancelOrder", "Cancels an order before it ships.",
            ApiScopes.OrdersWrite,
            t => t.Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, 1 to {OrderErrors.ReasonMaxLength} characters."),
            (i, id, actor) => new(id, actor, i.Reason, i.ExpectedVersion));
        Step<Application.Orders.PlaceHold.PlaceHold>(mutation, "placeHold", "Puts an order on hold: no forward step until the hold is released.",
            ApiScopes.OrdersWrite,
            t =>
            {
                t.Field<NonNullGraphType<HoldTypeType>>("type").Description("Kind of hold.");
                t.Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, 1 to {OrderErrors.ReasonMaxLength} characters.");
            },
            (i, id, actor) => new(id, actor, i.Type, i.Reason, i.ExpectedVersion));
        Step<Application.Orders.ReleaseHold.ReleaseHold>(mutation, "releaseHold", "Releases an open hold. High-value and credit holds are released by the Finance role (a key needs it granted). Four eyes: whoever placed a fraud, high-value or credit hold, or captured its order, cannot release it, nor can a key they issued or the person who issued theirs.",
            ApiScopes.OrdersWrite,
            t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("holdId").Description("The hold's id.");
                t.Field<NonNullGraphType<StringGraphType>>("resolution").Description($"How it was resolved, 1 to {OrderErrors.ReasonMaxLength} characters.");
            },
            (i, id, actor) => Guid.TryParse(i.HoldId, out var holdId) ? new(id, actor, holdId, i.Resolution, i.ExpectedVersion) : null);
        Step<Application.Orders.AmendOrderShipTo.AmendOrderShipTo>(mutation, "amendOrderShipTo",
            "Changes where an order ships, before release (owners: CustomerService, OperationsManager). The new address is validated at once: "
            + "an open AddressValidation hold is released when it passes (the order moves on by itself) and kept with the new findings when it does not.",
            ApiScopes.OrdersWrite,
            t => t.Field<NonNullGraphType<AddressInputType>>("shipTo").Description("The new ship-to, as captureOrder takes it."),
            (i, id, actor) => new(id, actor, i.ShipTo!.ToCommand(), i.ExpectedVersion));
        Step<Application.Orders.AmendOrderPriority.AmendOrderPriority>(mutation, "amendOrderPriority",
            "Changes an order's fulfilment priority, before release (owners: CustomerService, OperationsManager).",
            ApiScopes.OrdersWrite,
            t => t.Field<NonNullGraphType<OrderPriorityType>>("priority").Description("The new priority."),
            (i, id, actor) => new(id, actor, i.Priority, i.ExpectedVersion));
    }

    /// <summary>
    /// One workflow mutation: <c>name(input: NameInput!): NamePayload!</c>. The command factory returns null
    /// when an id in the input is malformed; that is a user error, like an unknown id.
    /// </summary>
    private static void Step<TCommand>(ObjectGraphType mutation, string name, string description, string scope,
        Action<OrderStepInputType>? inputFields, Func<OrderStepInput, Guid, Actor, TCommand?> command)
        where TCommand : OrderCommand
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.Field(name, new NonNullGraphType(new OrderPayloadType($"{typeName}Payload", $"Result of {name}.")))
            .Description($"{description} Needs the '{scope}' scope.")
            .Argument(new NonNullGraphType(new OrderStepInputType($"{typeName}Input", $"Input of {name}.", inputFields)), "input", a => a.Description = "What to do.")
            // The order commands themselves treat an order outside the actor's channels as not found.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(scope);
                var input = context.GetArgument<OrderStepInput>("input");
                if (!Guid.TryParse(input.OrderId, out var orderId) || command(input, orderId, caller.Actor()) is not { } built)
                    return OrderPayload.Failed([new Error(OrderErrors.NotFoundCode, "An id in the input is not a valid id.", "orderId")]);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, OrderCommandResult>>();
                var result = await handler.HandleAsync(built, context.CancellationToken);
                return result.IsSuccess ? new OrderPayload(OrderNode.Of(result.Value.Order), []) : OrderPayload.Failed(result.Errors);
            });
    }
}
