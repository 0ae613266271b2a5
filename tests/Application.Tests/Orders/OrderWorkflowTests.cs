using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.CompleteOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.GetOrderBlockers;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Orders;

/// <summary>The governed workflow end to end on real persistence, with the outbox driving automatic steps.</summary>
public sealed class OrderWorkflowTests : IAsyncLifetime
{
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

    private static void AssertSuccess(Result result) => Assert.True(result.IsSuccess, string.Join("; ", result.Errors));

    [Fact]
    public async Task CapturedOrder_WithNothingToDecide_ValidatesAndAllocatesWithoutAPerson()
    {
        var orderId = await CaptureAsync(new OrderBuilder());

        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.All(order.Lines, l => Assert.Equal(l.Quantity, l.AllocatedQuantity));
        Assert.Equal([TimelineAction.Captured, TimelineAction.Validated, TimelineAction.Allocated], order.Timeline.Select(t => t.Action));
        Assert.All(order.Timeline.Skip(1), t => Assert.Equal(Actor.SystemId, t.ActorId));
        Assert.NotNull(order.FraudScore);
    }

    [Fact]
    public async Task OutboxEvents_DeliveredAgain_ChangeNothing()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();
        var before = await _host.LoadAsync(orderId);

        // At-least-once delivery: hand every stored event to the handlers a second time.
        var events = await _host.WithDbAsync(async db => (await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync()).Select(m => m.ToDomainEvent()).ToList());
        foreach (var domainEvent in events)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, CancellationToken.None);
        }

        var after = await _host.LoadAsync(orderId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
    }

    [Fact]
    public async Task Order_WithAMalformedPostalCode_WaitsCapturedOnAnAddressHoldUntilCustomerServiceVerifiesIt()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ShippingTo("Anna Schmidt", "Invalidenstraße 1", "Berlin", "1011", "DE"));
        await _host.DispatchOutboxAsync();

        var held = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Captured, held.Status);
        var hold = Assert.Single(held.OpenHolds);
        Assert.Equal(HoldType.AddressValidation, hold.Type);
        Assert.Contains("1011", hold.Reason);

        var blockers = await _host.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(orderId));
        Assert.False(blockers.Value.CanMove);
        Assert.Contains(blockers.Value.Blockers, b => b.Code == BlockerCode.OnHold && b.HoldType == HoldType.AddressValidation && b.Message.Contains("AddressValidation"));

        AssertSuccess(await SendAsync(new ReleaseHold(orderId, Actors.CustomerService, hold.Id, "Called the customer: the address is right.")));
        await _host.DispatchOutboxAsync();

        var released = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Allocated, released.Status);
        Assert.Equal(Actors.CustomerService.Id, released.AddressVerifiedBy);
    }

    [Fact]
    public async Task HighValueOrder_ValidatesButWaitsForFinanceBeforeAllocation()
    {
        var orderId = await CaptureAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        await _host.DispatchOutboxAsync();

        var held = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Validated, held.Status);
        var hold = Assert.Single(held.OpenHolds, h => h.Type == HoldType.HighValueApproval);

        var byOperations = await SendAsync(new ReleaseHold(orderId, Actors.Operations, hold.Id, "looks fine"));
        Assert.Equal(OrderErrors.ActorNotPermittedCode, byOperations.Error.Code);

        AssertSuccess(await SendAsync(new ReleaseHold(orderId, Actors.Finance, hold.Id, "Approved: known customer.")));
        foreach (var other in (await _host.LoadAsync(orderId)).OpenHolds.ToList())
            AssertSuccess(await SendAsync(new ReleaseHold(orderId, Actors.Admin, other.Id, "Reviewed.")));
        await _host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await _host.LoadAsync(orderId)).Status);
    }

    [Fact]
    public async Task RiskyConsumerOrder_IsHeldForFraudReview_WithTheRulesThatScoredIt()
    {
        var orderId = await CaptureAsync(new OrderBuilder()
            .WithCustomer("quick.buyer@mailinator.com", "Quick Buyer")
            .ShippingTo("Someone Else", "Hauptstraße 9", "Köln", "50667", "DE")
            .WithServiceLevel(ServiceLevel.NextDay)
            .WithLine("HOODIE-ZIP-M-BLK", 12, 79m));
        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Validated, order.Status);
        Assert.True(order.FraudScore >= 60, $"score {order.FraudScore}");
        var hold = Assert.Single(order.OpenHolds, h => h.Type == HoldType.FraudReview);
        Assert.Contains("disposable email domain mailinator.com", hold.Reason);
        Assert.Contains("first order from this customer", hold.Reason);
    }

    [Fact]
    public async Task WholesaleOrder_OverTheCustomersCreditLimit_IsHeldForACreditCheck()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ForChannel("WHOLESALE").By(Actors.Admin)
            .WithCustomer("buying@boutique-nord.example.com", "Boutique Nord GmbH")
            .ShippingTo("Boutique Nord GmbH", "Lange Reihe 5", "Hamburg", "20099", "DE")
            .WithLine("JEANS-SLIM-M-NVY", 1_000, 55m));
        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Contains(order.OpenHolds, h => h.Type == HoldType.CreditCheck && h.Reason.Contains("credit limit"));
    }

    [Fact]
    public async Task AllocatedOrder_MovesThroughTheWarehouse_IsInvoicedAutomatically_AndCompletes()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();

        AssertSuccess(await SendAsync(new ReleaseOrder(orderId, Actors.Operations)));
        AssertSuccess(await SendAsync(new StartPicking(orderId, Actors.Warehouse)));
        var packTooEarly = await SendAsync(new ConfirmPack(orderId, Actors.Warehouse, 1));
        Assert.Equal(OrderErrors.EntryCriteriaNotMetCode, packTooEarly.Error.Code);
        AssertSuccess(await SendAsync(new ConfirmPick(orderId, Actors.Warehouse)));
        AssertSuccess(await SendAsync(new ConfirmPack(orderId, Actors.Warehouse, 2)));
        AssertSuccess(await SendAsync(new ConfirmShipment(orderId, Actors.Warehouse, "DHL", "JD0146000012345")));
        await _host.DispatchOutboxAsync();

        var invoiced = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Invoiced, invoiced.Status);
        Assert.Equal("INV-2026-000001", invoiced.InvoiceNumber);

        AssertSuccess(await SendAsync(new CompleteOrder(orderId, Actors.Finance)));
        var completed = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Completed, completed.Status);
        Assert.Equal(
            [TimelineAction.Captured, TimelineAction.Validated, TimelineAction.Allocated, TimelineAction.Released, TimelineAction.Picking, TimelineAction.Picked,
                TimelineAction.Packed, TimelineAction.ShipmentShipped, TimelineAction.Shipped, TimelineAction.Invoiced, TimelineAction.Completed],
            completed.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task InvoiceNumbers_AreSequentialWithoutGaps()
    {
        var first = await ShipAsync(await CaptureAsync(new OrderBuilder()));
        var second = await ShipAsync(await CaptureAsync(new OrderBuilder()));
        await _host.DispatchOutboxAsync();

        Assert.Equal("INV-2026-000001", (await _host.LoadAsync(first)).InvoiceNumber);
        Assert.Equal("INV-2026-000002", (await _host.LoadAsync(second)).InvoiceNumber);
    }

    [Fact]
    public async Task Command_WithAStaleExpectedVersion_IsAConflictAndChangesNothing()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();
        var before = await _host.LoadAsync(orderId);

        var stale = await SendAsync(new ReleaseOrder(orderId, Actors.Operations, before.Version - 1));

        Assert.Equal(CommonErrors.Conflict, stale.Error.Code);
        Assert.Equal("expectedVersion", stale.Error.Field);
        Assert.Equal(before.Version, (await _host.LoadAsync(orderId)).Version);
    }

    [Fact]
    public async Task IllegalTransition_IsANamedErrorAndChangesNothing()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();

        var result = await SendAsync(new ConfirmShipment(orderId, Actors.Warehouse, "DHL", "123"));

        Assert.Equal(OrderErrors.IllegalTransitionCode, result.Error.Code);
        Assert.Equal(OrderStatus.Allocated, (await _host.LoadAsync(orderId)).Status);
    }

    [Fact]
    public async Task ManualHold_BlocksRelease_UntilASecondPersonReleasesIt()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        await _host.DispatchOutboxAsync();
        AssertSuccess(await SendAsync(new PlaceHold(orderId, Actors.Operations, HoldType.FraudReview, "Customer called: card stolen?")));
        var holdId = (await _host.LoadAsync(orderId)).OpenHolds.Single().Id;

        var blocked = await SendAsync(new ReleaseOrder(orderId, Actors.Operations));
        var selfRelease = await SendAsync(new ReleaseHold(orderId, Actors.Operations, holdId, "fine"));
        var blockers = await _host.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(orderId));

        Assert.Equal(OrderErrors.OnHoldCode, blocked.Error.Code);
        Assert.Equal(OrderErrors.SelfApprovalCode, selfRelease.Error.Code);
        Assert.Equal(OrderStatus.Released, blockers.Value.NextStatus);
        Assert.Equal(Roles.OperationsManager, blockers.Value.NextStepOwner);
        Assert.Single(blockers.Value.Blockers);
        AssertSuccess(await SendAsync(new ReleaseHold(orderId, Actors.OtherOperations, holdId, "Card owner confirmed.")));
        AssertSuccess(await SendAsync(new ReleaseOrder(orderId, Actors.Operations)));
    }

    [Fact]
    public async Task PartnerClient_CannotActOnAnotherChannelsOrder()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin));
        await _host.DispatchOutboxAsync();

        var result = await SendAsync(new CancelOrder(orderId, Actors.WebShop, "not mine"));

        Assert.Equal(OrderErrors.NotFoundCode, result.Error.Code);
        Assert.Equal(OrderStatus.Allocated, (await _host.LoadAsync(orderId)).Status);
    }

    [Fact]
    public async Task Blockers_OfAnOrderOutsideTheCallersChannels_AreNotFound_AndInsideThemAnswered()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin));
        await _host.DispatchOutboxAsync();

        var outside = await _host.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(orderId, ["WEB"]));
        var inside = await _host.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(orderId, ["MKT-ZALANDO"]));

        Assert.Equal(OrderErrors.NotFoundCode, outside.Error.Code);
        Assert.Equal(OrderStatus.Allocated, inside.Value.Status);
    }

    [Fact]
    public async Task UnknownOrder_IsNotFound()
    {
        var result = await SendAsync(new ReleaseOrder(Guid.NewGuid(), Actors.Operations));
        var blockers = await _host.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(Guid.NewGuid()));

        Assert.Equal(OrderErrors.NotFoundCode, result.Error.Code);
        Assert.Equal(OrderErrors.NotFoundCode, blockers.Error.Code);
    }

    private async Task<Guid> ShipAsync(Guid orderId)
    {
        await _host.DispatchOutboxAsync();
        AssertSuccess(await SendAsync(new ReleaseOrder(orderId, Actors.Operations)));
        AssertSuccess(await SendAsync(new StartPicking(orderId, Actors.Warehouse)));
        AssertSuccess(await SendAsync(new ConfirmPick(orderId, Actors.Warehouse)));
        AssertSuccess(await SendAsync(new ConfirmPack(orderId, Actors.Warehouse, 1)));
        AssertSuccess(await SendAsync(new ConfirmShipment(orderId, Actors.Warehouse, "DHL", $"TRACK-{orderId:N}")));
        return orderId;
    }
}
