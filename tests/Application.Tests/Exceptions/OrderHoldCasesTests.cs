using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>Every order hold raises one case in its queue, by its real cause, on the real SQLite file; a hold released elsewhere closes it.</summary>
public sealed class OrderHoldCasesTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Order> CaptureAndRunAsync(OrderBuilder builder)
    {
        var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(builder.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _host.DispatchOutboxAsync();
        return await _host.LoadAsync(captured.Value.OrderId);
    }

    private Task<ExceptionCase?> CaseOfAsync(Guid holdId) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IExceptionCaseRepository>().FindByHoldAsync(holdId, CancellationToken.None));

    private Task<List<ExceptionCase>> AllCasesAsync() => _host.WithDbAsync(db => db.ExceptionCases.AsNoTracking().ToListAsync());

    private async Task<ExceptionCase> AssertCaseAsync(Order order, HoldType holdType, ExceptionType type, string queue, TimeSpan sla)
    {
        var hold = Assert.Single(order.OpenHolds, h => h.Type == holdType);
        var exceptionCase = await CaseOfAsync(hold.Id) ?? throw new Xunit.Sdk.XunitException($"No case for the {holdType} hold.");
        Assert.Equal((type, queue, ExceptionCaseStatus.Open), (exceptionCase.Type, exceptionCase.Queue, exceptionCase.Status));
        Assert.Equal((ExceptionSubjectKind.Order, order.Id.Value, order.Channel.Value), (exceptionCase.Subject.Kind, exceptionCase.Subject.Id, exceptionCase.Channel));
        Assert.Equal((hold.PlacedAt, hold.PlacedAt + sla, hold.PlacedBy, hold.Reason), (exceptionCase.RaisedAt, exceptionCase.DueAt, exceptionCase.RaisedBy, exceptionCase.Reason));
        Assert.Equal(exceptionCase.PriorityFactors.Sum(f => f.Points), exceptionCase.PriorityValue);
        return exceptionCase;
    }

    [Fact]
    public async Task AFraudScoreOverTheThreshold_RaisesAFraudReviewCaseForOperationsDueInFourHours()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder()
            .WithCustomer("quick.buyer@mailinator.com", "Quick Buyer")
            .ShippingTo("Someone Else", "Hauptstraße 9", "Köln", "50667", "DE")
            .WithServiceLevel(ServiceLevel.NextDay)
            .WithLine("HOODIE-ZIP-M-BLK", 12, 79m));

        var exceptionCase = await AssertCaseAsync(order, HoldType.FraudReview, ExceptionType.FraudReview, Roles.OperationsManager, TimeSpan.FromHours(4));

        Assert.Contains("disposable email domain mailinator.com", exceptionCase.Reason);
        Assert.Equal(15, exceptionCase.PriorityFactors.Single(f => f.Kind == PriorityFactorKind.ServiceLevel).Points);
        Assert.Equal(9, exceptionCase.PriorityFactors.Single(f => f.Kind == PriorityFactorKind.OrderValue).Points);
    }

    [Fact]
    public async Task AHighValueOrder_RaisesAHighValueApprovalCaseForFinanceDueInEightHours()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));

        var exceptionCase = await AssertCaseAsync(order, HoldType.HighValueApproval, ExceptionType.HighValueApproval, Roles.Finance, TimeSpan.FromHours(8));

        Assert.Equal(Actor.SystemId, exceptionCase.RaisedBy);
        Assert.Equal(25, exceptionCase.PriorityFactors.Single(f => f.Kind == PriorityFactorKind.OrderValue).Points);
    }

    [Fact]
    public async Task AShortfallOnAChannelWithoutBackorders_RaisesAnInventoryShortfallCaseForPlanningDueInADay()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine("HOODIE-ZIP-M-BLK", 5_000, 0.10m));

        var exceptionCase = await AssertCaseAsync(order, HoldType.InventoryShortfall, ExceptionType.InventoryShortfall, Roles.Planner, TimeSpan.FromHours(24));

        Assert.Equal(10, exceptionCase.PriorityFactors.Single(f => f.Kind == PriorityFactorKind.Channel).Points);
    }

    [Fact]
    public async Task OneCasePerHold_AReplayedHoldPlacedEventRaisesNothingMore()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        var before = await AllCasesAsync();

        var placed = await _host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.EventType == nameof(OrderHoldPlaced)).ToListAsync())
            .Select(m => m.ToDomainEvent()).ToList());
        foreach (var domainEvent in placed)
            await _host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, CancellationToken.None));

        var after = await AllCasesAsync();
        Assert.Equal(order.Holds.Count, after.Count);
        Assert.Equal(before.Select(c => (c.Id, c.Version)), after.Select(c => (c.Id, c.Version)));
    }

    [Fact]
    public async Task AHoldReleasedOnTheOrder_ClosesItsCaseAtSource_AndAReplayChangesNothing()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        var hold = order.OpenHolds.Single(h => h.Type == HoldType.HighValueApproval);
        var released = await _host.SendAsync<ReleaseHold, OrderCommandResult>(new ReleaseHold(order.Id.Value, Actors.Finance, hold.Id, "Known customer."));
        Assert.True(released.IsSuccess, string.Join("; ", released.Errors));

        await _host.DispatchOutboxAsync();

        var exceptionCase = await CaseOfAsync(hold.Id);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource, Actors.Finance.Id),
            (exceptionCase!.Status, exceptionCase.Resolution, exceptionCase.ClosedBy));
        Assert.Contains("Known customer.", exceptionCase.ResolutionNote);
        var version = exceptionCase.Version;

        var releasedEvent = await _host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.EventType == nameof(OrderHoldReleased)).ToListAsync())
            .Select(m => m.ToDomainEvent()).Single());
        await _host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(releasedEvent, CancellationToken.None));
        Assert.Equal(version, (await CaseOfAsync(hold.Id))!.Version);
    }

    [Fact]
    public async Task AManualHoldByAPerson_RaisesACaseThatPersonCannotDecide_AndCancellingTheOrderClosesIt()
    {
        var order = await CaptureAndRunAsync(new OrderBuilder());
        var placed = await _host.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(order.Id.Value, Actors.Operations, HoldType.Manual, "Customer called about the address."));
        Assert.True(placed.IsSuccess, string.Join("; ", placed.Errors));
        await _host.DispatchOutboxAsync();
        var hold = (await _host.LoadAsync(order.Id.Value)).OpenHolds.Single();
        var exceptionCase = await AssertCaseAsync(await _host.LoadAsync(order.Id.Value), HoldType.Manual, ExceptionType.ManualHold, Roles.OperationsManager, TimeSpan.FromHours(24));
        Assert.Equal(Actors.Operations.Id, exceptionCase.RaisedBy);

        var cancelled = await _host.SendAsync<CancelOrder, OrderCommandResult>(new CancelOrder(order.Id.Value, Actors.CustomerService, "Customer withdrew."));
        Assert.True(cancelled.IsSuccess, string.Join("; ", cancelled.Errors));
        await _host.DispatchOutboxAsync();

        var closed = await CaseOfAsync(hold.Id);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource, Actors.CustomerService.Id), (closed!.Status, closed.Resolution, closed.ClosedBy));
    }
}
