using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>An order's ship-by deadline: captured at plus its channel's ship-by SLA at capture (decision 027).</summary>
public sealed class ShipByTests
{
    [Fact]
    public void Capture_FixesShipByAtCapturedAtPlusTheChannelsSla()
    {
        var order = new OrderBuilder().WithShipBySla(TimeSpan.FromHours(24)).Build();

        Assert.Equal(Clock.CapturedAt.AddHours(24), order.ShipBy);
        Assert.Equal(Clock.CapturedAt.AddHours(ChannelPolicy.DefaultShipBySlaHours), new OrderBuilder().Build().ShipBy);
    }

    [Fact]
    public void Capture_WithoutAPositiveSla_IsABrokenInvariant()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderBuilder().WithShipBySla(TimeSpan.Zero).Capture());
    }

    public static TheoryData<OrderStatus, bool> OverdueOnceShipByPassed => new()
    {
        { OrderStatus.Captured, true },
        { OrderStatus.Allocated, true },
        { OrderStatus.Backordered, true },
        { OrderStatus.Released, true },
        { OrderStatus.Picking, true },
        { OrderStatus.Packed, true },
        // One shipment left, the other has not: late for the rest.
        { OrderStatus.PartiallyShipped, true },
        { OrderStatus.Shipped, false },
        { OrderStatus.Invoiced, false },
        { OrderStatus.Completed, false },
        { OrderStatus.Cancelled, false },
    };

    [Theory]
    [MemberData(nameof(OverdueOnceShipByPassed))]
    public void IsOverdueAt_AfterShipBy_IsTrueOnlyWhileGoodsAreStillToLeave(OrderStatus status, bool overdue)
    {
        var order = new OrderBuilder().WithShipBySla(TimeSpan.FromHours(1)).InStatus(status).Build();

        Assert.False(order.IsOverdueAt(order.ShipBy));
        Assert.Equal(overdue, order.IsOverdueAt(order.ShipBy.AddTicks(1)));
    }
}
