using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

/// <summary>One workflow command with valid arguments, and the reason it writes to the timeline.</summary>
public sealed record WorkflowStep(OrderStatus Target, string? TimelineReason, Func<Order, Actor, DateTimeOffset, Result> Run)
{
    public override string ToString() => $"into {Target}";
}
