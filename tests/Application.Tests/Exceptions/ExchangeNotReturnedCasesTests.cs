using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.Steps;
using EcomErp.Application.Tests.Orders;
using EcomErp.Application.Tests.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// Exchanges whose units never came back, as EXCHANGE_NOT_RETURNED cases (decision 093), on the real SQLite file: closing units as
/// missing so that fewer can arrive than the exchange replaced raises one case in Finance's queue through the outbox, worth those
/// units, raised by whoever closed them; missing units the exchange does not need raise none; deciding the case records the outcome.
/// </summary>
public sealed class ExchangeNotReturnedCasesTests : ReturnScenario
{
    private const string Larger = "TEE-CREW-L-BLK";

    /// <summary>Three tees at 25.00 shipped; a return of all three, <paramref name="exchanged"/> of them exchanged for the larger size, its replacement linked.</summary>
    private async Task<ReturnCommandResult> ExchangeOfThreeAsync(int exchanged = 2)
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 3, 25m), (Tee, 3));
        await SetStockAsync(Larger, (Berlin, exchanged));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 3, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: exchanged));
        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();
        return requested;
    }

    private Task<List<ExceptionCase>> ExchangeCasesAsync() => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Include(c => c.Timeline).Where(c => c.Type == ExceptionType.ExchangeNotReturned).ToListAsync());

    private Task<ReturnCommandResult> ReceiveOneAsync(Guid returnId) => StepAsync(new ReceiveReturn(returnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));

    private async Task CloseMissingAsync(Guid returnId, int units)
    {
        await StepAsync(new CloseMissingReturnUnits(returnId, Actors.Warehouse, [new(1, units)]));
        await Host.DispatchOutboxAsync();
    }

    [Fact]
    public async Task ExchangedUnitsClosedAsMissing_RaiseOneCaseForFinance_WorthTheUnitsTheCustomerDidNotSendBack()
    {
        var requested = await ExchangeOfThreeAsync();
        await ReceiveOneAsync(requested.ReturnId);

        // One unit came, two never will: of the two exchanged, one is covered by the unit that came, one is not.
        await CloseMissingAsync(requested.ReturnId, 2);

        var raised = Assert.Single(await ExchangeCasesAsync());
        Assert.Equal((Roles.Finance, ExceptionCaseStatus.Open, ExceptionSubjectKind.Return, requested.ReturnId, "WEB"),
            (raised.Queue, raised.Status, raised.Subject.Kind, raised.Subject.Id, raised.Channel));
        Assert.Equal((ExceptionCaseId.ForUnreturnedExchange(requested.ReturnId), Actors.Warehouse.Id, raised.RaisedAt + TimeSpan.FromHours(48)),
            (raised.Id, raised.RaisedBy, raised.DueAt));
        var replacement = await Host.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ExternalOrderId == requested.RmaNumber + "-EXCHANGE"));
        Assert.Equal($"Return {requested.RmaNumber}: 1 exchanged unit(s) worth 25.00 EUR at the order's prices were closed as missing "
            + $"(line 1: 1 x {Tee} for {Larger}); its replacement order {requested.RmaNumber}-EXCHANGE is {replacement.Status}. "
            + "Approve once the value is recovered from the customer or the replacement stopped; reject to write it off.", raised.Reason);
    }

    [Fact]
    public async Task AnExchangeWhoseParcelNeverCame_AfterItsReplacementShipped_IsClosedAsMissing_AndRaisesTheCase()
    {
        var requested = await ExchangeOfThreeAsync();
        var replacement = await Host.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ExternalOrderId == requested.RmaNumber + "-EXCHANGE"));
        await ShipAsync(replacement.Id.Value);
        await StepAsync(new MarkReturnInTransit(requested.ReturnId, Actors.CustomerService, "1Z999AA10123456784"));
        await RefusedAsync<CancelReturn, ReturnCommandResult>(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Never came"),
            ReturnErrors.ReplacementShippedCode);

        await CloseMissingAsync(requested.ReturnId, 3);

        var returned = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));
        Assert.Equal(ReturnStatus.Closed, returned.Status);
        var raised = Assert.Single(await ExchangeCasesAsync());
        Assert.StartsWith($"Return {requested.RmaNumber}: 2 exchanged unit(s) worth 50.00 EUR at the order's prices were closed as missing "
            + $"(line 1: 2 x {Tee} for {Larger}); its replacement order {requested.RmaNumber}-EXCHANGE is ", raised.Reason);
        Assert.DoesNotContain(" is Allocated", raised.Reason);
    }

    [Fact]
    public async Task MissingUnitsTheExchangeDoesNotNeed_RaiseNoCase_NorDoReturnsWithoutAnExchange()
    {
        var requested = await ExchangeOfThreeAsync();
        await StepAsync(new ReceiveReturn(requested.ReturnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 2)]));
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 25m), (Tee, 2));
        var plain = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "WRONG_SIZE"));
        await ReceiveOneAsync(plain.ReturnId);

        // Two came for the two exchanged; the third, a refund's unit, never will. The plain return's second unit never will either.
        await CloseMissingAsync(requested.ReturnId, 1);
        await CloseMissingAsync(plain.ReturnId, 1);

        Assert.Empty(await ExchangeCasesAsync());
    }

    [Fact]
    public async Task AReplayedClosure_OrALaterOne_RaisesNothingMore()
    {
        var requested = await ExchangeOfThreeAsync(exchanged: 3);
        await ReceiveOneAsync(requested.ReturnId);
        await CloseMissingAsync(requested.ReturnId, 1);
        var raised = Assert.Single(await ExchangeCasesAsync());

        await CloseMissingAsync(requested.ReturnId, 1);
        var closures = await Host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventType == nameof(ReturnUnitsMissing)).ToListAsync()).Select(m => m.ToDomainEvent()).ToList());
        foreach (var domainEvent in closures)
            await Host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, CancellationToken.None));

        var after = Assert.Single(await ExchangeCasesAsync());
        Assert.Equal((raised.Id, raised.Version, raised.Reason), (after.Id, after.Version, after.Reason));
        Assert.Contains("1 exchanged unit(s) worth 25.00 EUR", after.Reason);
    }

    [Theory]
    [InlineData(ExceptionResolution.Approved)]
    [InlineData(ExceptionResolution.Rejected)]
    public async Task FinanceDecidesTheCase_WhichRecordsTheOutcome_AndLeavesTheReturnAndTheReplacementAsTheyAre(ExceptionResolution resolution)
    {
        var requested = await ExchangeOfThreeAsync();
        await ReceiveOneAsync(requested.ReturnId);
        await CloseMissingAsync(requested.ReturnId, 2);
        var raised = Assert.Single(await ExchangeCasesAsync());
        var replacementBefore = await Host.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ExternalOrderId == requested.RmaNumber + "-EXCHANGE"));
        var returnBefore = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));

        var warehouseAsFinance = Actors.Person(Actors.Warehouse.Id, Actors.Warehouse.Name, Roles.WarehouseManager, Roles.Finance);
        var ownClosure = await SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(
            new ResolveExceptionCase(raised.Id.Value, warehouseAsFinance, resolution, "Mine."));
        var dismissed = await SendAsync<DismissExceptionCase, ExceptionCaseCommandResult>(new DismissExceptionCase(raised.Id.Value, Actors.Finance, "Never mind."));
        var decided = Succeeded(await SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(
            new ResolveExceptionCase(raised.Id.Value, Actors.Finance, resolution, "Charged the customer's card for the kept tees.")));

        Assert.Equal(ExceptionCaseErrors.SelfApprovalCode, ownClosure.Error.Code);
        Assert.Equal(ExceptionCaseErrors.DecisionRequiredCode, dismissed.Error.Code);
        Assert.Equal((ExceptionCaseStatus.Resolved, resolution, Actors.Finance.Id), (decided.Case.Status, decided.Case.Resolution, decided.Case.ClosedBy));
        var replacementAfter = await Host.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ExternalOrderId == requested.RmaNumber + "-EXCHANGE"));
        var returnAfter = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));
        Assert.Equal((replacementBefore.Status, replacementBefore.Version), (replacementAfter.Status, replacementAfter.Version));
        Assert.Equal((returnBefore.Status, returnBefore.Version), (returnAfter.Status, returnAfter.Version));
    }
}
