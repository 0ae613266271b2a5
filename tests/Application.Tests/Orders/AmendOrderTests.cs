using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AmendOrderPriority;
using EcomErp.Application.Orders.AmendOrderShipTo;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Orders;

/// <summary>Amending an order before release on real persistence, with the outbox driving the automatic steps.</summary>
public sealed class AmendOrderTests : IAsyncLifetime
{
    private static readonly CaptureOrderAddress Corrected = new("Anna Schmidt", "Invalidenstraße 1", null, "Berlin", "10115", "DE");

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CaptureAsync(OrderBuilder builder)
    {
        var result = await _host.SendAsync<CaptureOrder, CapturedOrder>(builder.BuildCommand());
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value.OrderId;
    }

    private Task<Result<OrderCommandResult>> SendAsync<TCommand>(TCommand command) where TCommand : OrderCommand =>
        _host.SendAsync<TCommand, OrderCommandResult>(command);

    [Fact]
    public async Task Order_WithABadPostalCode_IsHeldAtValidation_AndAmendingItWithAGoodAddressReleasesTheHoldAndTheOrderAllocates()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ShippingTo("Anna Schmidt", "Invalidenstraße 1", "Berlin", "1011", "DE"));
        await _host.DispatchOutboxAsync();
        var held = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Captured, held.Status);
        var hold = Assert.Single(held.OpenHolds);
        Assert.Equal(HoldType.AddressValidation, hold.Type);
        Assert.StartsWith($"[{AddressRules.PostalCodeShapeCode}]", hold.Reason);

        var amended = await SendAsync(new AmendOrderShipTo(orderId, Actors.CustomerService, Corrected));
        Assert.True(amended.IsSuccess, string.Join("; ", amended.Errors));
        Assert.False(amended.Value.IsOnHold);
        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal("10115", order.ShipTo.PostalCode);
        Assert.Equal(Actors.CustomerService.Id, Assert.Single(order.Holds).ReleasedBy);
        Assert.Null(order.AddressVerifiedBy);
        Assert.Equal(
            [TimelineAction.Captured, TimelineAction.HoldPlaced, TimelineAction.ShipToAmended, TimelineAction.HoldReleased, TimelineAction.Validated, TimelineAction.Allocated],
            order.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task Order_WithAPoBoxForExpressDelivery_IsHeldAtValidation_AndAnotherBadAddressKeepsItHeldWithTheNewFindings()
    {
        var orderId = await CaptureAsync(new OrderBuilder()
            .ShippingTo("Anna Schmidt", "Postfach 10 02 03", "Berlin", "10115", "DE").WithServiceLevel(ServiceLevel.Express));
        await _host.DispatchOutboxAsync();
        Assert.StartsWith($"[{AddressRules.PoBoxNotDeliveredCode}]", Assert.Single((await _host.LoadAsync(orderId)).OpenHolds).Reason);

        var amended = await SendAsync(new AmendOrderShipTo(orderId, Actors.CustomerService, Corrected with { Line1 = "Invalidenstraße" }));
        Assert.True(amended.IsSuccess, string.Join("; ", amended.Errors));
        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Captured, order.Status);
        Assert.StartsWith($"[{AddressRules.HouseNumberMissingCode}]", Assert.Single(order.OpenHolds).Reason);
    }

    [Fact]
    public async Task AmendShipTo_WithAnIncompleteAddress_NamesTheFieldsAndChangesNothing()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();
        var before = await _host.LoadAsync(orderId);

        var refused = await SendAsync(new AmendOrderShipTo(orderId, Actors.CustomerService, Corrected with { City = " ", Country = "DEU" }));

        Assert.Equal([(OrderErrors.AddressMissing, "shipTo.city"), (OrderErrors.AddressInvalid, "shipTo.country")],
            refused.Errors.Select(e => (e.Code, e.Field)));
        var after = await _host.LoadAsync(orderId);
        Assert.Equal((before.Version, before.ShipTo), (after.Version, after.ShipTo));
    }

    [Fact]
    public async Task AmendPriority_BeforeRelease_IsSaved_AndByAPartnerOfAnotherChannel_IsNotFound()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin));
        await _host.DispatchOutboxAsync();

        var byPartner = await SendAsync(new AmendOrderPriority(orderId, Actors.WebShop, OrderPriority.Urgent));
        Assert.Equal(OrderErrors.NotFoundCode, byPartner.Error.Code);

        var amended = await SendAsync(new AmendOrderPriority(orderId, Actors.CustomerService, OrderPriority.Urgent));
        Assert.True(amended.IsSuccess, string.Join("; ", amended.Errors));
        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderPriority.Urgent, order.Priority);
        Assert.Equal(TimelineAction.PriorityAmended, order.Timeline[^1].Action);
    }
}
