using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>The fields every workflow mutation takes; the specific ones add theirs.</summary>
public class OrderStepInput
{
    public string OrderId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
    public int PackageCount { get; set; } = 1;
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public string Reason { get; set; } = "";
    public HoldType Type { get; set; }
    public string HoldId { get; set; } = "";
    public string Resolution { get; set; } = "";
    public string? ShipmentId { get; set; }
    public int LineNumber { get; set; }
    public int MissingQuantity { get; set; }
    public AddressInput? ShipTo { get; set; }
    public OrderPriority Priority { get; set; }

    /// <summary>The optional shipment id: null when left out, false when it is not a valid id.</summary>
    public bool TryGetShipmentId(out Guid? shipmentId)
    {
        shipmentId = null;
        if (ShipmentId is null)
            return true;
        if (!Guid.TryParse(ShipmentId, out var parsed))
            return false;
        shipmentId = parsed;
        return true;
    }
}

/// <summary>An input type for one workflow mutation: orderId and expectedVersion, plus the step's own fields.</summary>
// Built with new per mutation (name and fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class OrderStepInputType : InputObjectGraphType<OrderStepInput>
{
    public OrderStepInputType(string name, string description, Action<OrderStepInputType>? addFields = null)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's id.");
        Field<IntGraphType>("expectedVersion").Description("When given, the step is refused with CONCURRENCY_CONFLICT unless the order is still at this version.");
        addFields?.Invoke(this);
    }
}
