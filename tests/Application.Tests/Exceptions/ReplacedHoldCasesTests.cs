using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.EscalateOverdueCases;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Application.Policies.SetPolicy;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Exceptions;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// A hold released and placed again within the window keeps its case's SLA clock and escalation (decision 070), on the real
/// SQLite file with the escalation job on fake time: an overdue case cannot be restarted by putting its hold back.
/// </summary>
public sealed class ReplacedHoldCasesTests : IAsyncLifetime
{
    private static readonly TimeSpan ManualSla = TimeSpan.FromHours(24);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CaptureAsync(OrderBuilder builder)
    {
        var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(builder.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _host.DispatchOutboxAsync();
        return captured.Value.OrderId;
    }

    /// <summary>Places a hold as <paramref name="actor"/>, lets the outbox raise its case, and returns the case.</summary>
    private async Task<ExceptionCase> PlaceAsync(Guid orderId, HoldType type, Actor actor, string reason = "Customer asked us to wait.")
    {
        var placed = await _host.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(orderId, actor, type, reason));
        Assert.True(placed.IsSuccess, string.Join("; ", placed.Errors));
        await _host.DispatchOutboxAsync();
        var hold = (await _host.LoadAsync(orderId)).OpenHolds.Single(h => h.Type == type);
        return await CaseOfAsync(hold.Id);
    }

    private async Task ReleaseAsync(Guid orderId, HoldType type, Actor actor)
    {
        var hold = (await _host.LoadAsync(orderId)).OpenHolds.Single(h => h.Type == type);
        var released = await _host.SendAsync<ReleaseHold, OrderCommandResult>(new ReleaseHold(orderId, actor, hold.Id, "Sorted out with the customer."));
        Assert.True(released.IsSuccess, string.Join("; ", released.Errors));
        await _host.DispatchOutboxAsync();
    }

    private async Task<ExceptionCase> CaseOfAsync(Guid holdId) =>
        await _host.InScopeAsync(sp => sp.GetRequiredService<IExceptionCaseRepository>().FindByHoldAsync(holdId, CancellationToken.None))
        ?? throw new Xunit.Sdk.XunitException($"No case for hold {holdId}.");

    private Task<ExceptionCase> ReloadAsync(ExceptionCase exceptionCase) =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<IExceptionCaseRepository>().GetAsync(exceptionCase.Id, CancellationToken.None))!);

    /// <summary>One run of the recurring job, as Hangfire would start it: a scope of its own.</summary>
    private Task<EscalationRun> RunJobAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<ExceptionEscalationJob>().RunAsync(CancellationToken.None));

    /// <summary>A manual hold whose case is a day and an hour overdue (due at 24 h) and escalated to the operations manager.</summary>
    private async Task<(Guid OrderId, ExceptionCase Overdue)> OverdueManualCaseAsync()
    {
        var orderId = await CaptureAsync(new OrderBuilder());
        var raised = await PlaceAsync(orderId, HoldType.Manual, Actors.Operations);
        Assert.Equal(raised.RaisedAt + ManualSla, raised.DueAt);
        _host.Time.Advance(ManualSla + TimeSpan.FromHours(1));
        Assert.Equal(1, (await RunJobAsync()).Escalated);
        var overdue = await ReloadAsync(raised);
        Assert.Equal((1, Roles.OperationsManager), (overdue.EscalationLevel, overdue.EscalatedTo));
        return (orderId, overdue);
    }

    private static void AssertFresh(ExceptionCase exceptionCase, TimeSpan sla)
    {
        Assert.Equal((exceptionCase.Timeline[0].At, exceptionCase.Timeline[0].At + sla), (exceptionCase.RaisedAt, exceptionCase.DueAt));
        Assert.Equal((0, (string?)null, (DateTimeOffset?)null), (exceptionCase.EscalationLevel, exceptionCase.EscalatedTo, exceptionCase.BreachedAt));
        Assert.DoesNotContain("Continues case", exceptionCase.Timeline[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasingAnOverdueManualHoldAndPlacingItAgain_KeepsTheCasesDueTimeAndEscalation_AndSaysWhichCaseItContinues()
    {
        var (orderId, overdue) = await OverdueManualCaseAsync();

        // The hole: whoever may release and place manual holds puts the hold back at once.
        await ReleaseAsync(orderId, HoldType.Manual, Actors.Operations);
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var replaced = await PlaceAsync(orderId, HoldType.Manual, Actors.Operations);

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource), ((await ReloadAsync(overdue)).Status, (await ReloadAsync(overdue)).Resolution));
        Assert.NotEqual(overdue.Id, replaced.Id);
        Assert.Equal((ExceptionCaseStatus.Open, Actors.Operations.Id), (replaced.Status, replaced.RaisedBy));
        Assert.Equal((overdue.RaisedAt, overdue.DueAt, overdue.PolicyVersion), (replaced.RaisedAt, replaced.DueAt, replaced.PolicyVersion));
        Assert.Equal((1, Roles.OperationsManager, overdue.BreachedAt), (replaced.EscalationLevel, replaced.EscalatedTo, replaced.BreachedAt));
        Assert.True(replaced.IsOverdueAt(_host.Time.GetUtcNow()));
        Assert.Equal(40, replaced.PriorityFactors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft).Points);
        var raisedEntry = Assert.Single(replaced.Timeline);
        Assert.Equal((ExceptionCaseAction.Raised, _host.Time.GetUtcNow()), (raisedEntry.Action, raisedEntry.At));
        Assert.Contains($"Continues case {overdue.Id}", raisedEntry.Note, StringComparison.Ordinal);
        Assert.Contains("escalation level 1", raisedEntry.Note, StringComparison.Ordinal);
        var raisedEvent = await _host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.EventType == nameof(ExceptionCaseRaised)).ToListAsync())
            .Select(m => m.ToDomainEvent()).OfType<ExceptionCaseRaised>().Single(e => e.CaseId == replaced.Id.Value));
        Assert.Equal(overdue.Id.Value, raisedEvent.ContinuesCaseId);

        // The ladder goes on where the earlier case left it: the administrator at the earlier due time plus the SLA.
        _host.Time.Advance(overdue.DueAt + ManualSla - _host.Time.GetUtcNow());
        Assert.Equal(1, (await RunJobAsync()).Escalated);
        Assert.Equal((2, Roles.Admin), ((await ReloadAsync(replaced)).EscalationLevel, (await ReloadAsync(replaced)).EscalatedTo));
    }

    [Fact]
    public async Task AHoldPlacedAgainAfterTheWindow_StartsAFreshSla_WhileOnePlacedAtItsEdgeStillContinues()
    {
        // The window is a governed policy: two hours here instead of the default day.
        var set = await _host.SendAsync<SetPolicy, SetPolicyResult>(
            new SetPolicy(Actors.Admin, "exceptions.replaced-hold-window-hours", null, null, 2m, "Holds put back the same morning are the same hold."));
        Assert.True(set.IsSuccess, string.Join("; ", set.Errors));
        var (orderId, _) = await OverdueManualCaseAsync();

        await ReleaseAsync(orderId, HoldType.Manual, Actors.Operations);
        _host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var fresh = await PlaceAsync(orderId, HoldType.Manual, Actors.Operations);

        AssertFresh(fresh, ManualSla);
        Assert.False(fresh.IsOverdueAt(_host.Time.GetUtcNow()));

        // Exactly two hours after that one's release a new hold still replaces it, and keeps its (fresh) clock.
        await ReleaseAsync(orderId, HoldType.Manual, Actors.OtherOperations);
        _host.Time.Advance(TimeSpan.FromHours(2));
        var edge = await PlaceAsync(orderId, HoldType.Manual, Actors.Operations);
        Assert.Equal((fresh.RaisedAt, fresh.DueAt, 0), (edge.RaisedAt, edge.DueAt, edge.EscalationLevel));
        Assert.Contains($"Continues case {fresh.Id}", edge.Timeline[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHoldOfAnotherTypePlacedAfterTheRelease_IsTimedByItsOwnSla_WhileTheSameTypeContinues()
    {
        var (orderId, overdue) = await OverdueManualCaseAsync();

        await ReleaseAsync(orderId, HoldType.Manual, Actors.Operations);
        var fraud = await PlaceAsync(orderId, HoldType.FraudReview, Actors.Operations, "Card reported stolen?");
        var manual = await PlaceAsync(orderId, HoldType.Manual, Actors.Operations);

        AssertFresh(fraud, TimeSpan.FromHours(4));
        Assert.Equal((overdue.DueAt, 1), (manual.DueAt, manual.EscalationLevel));
    }

    [Fact]
    public async Task AnAutomationHoldReleasedAndPlacedAgainByHand_KeepsTheSystemsCaseClock_AndTheAutomationDoesNotPlaceItAgain()
    {
        // 20 x 129.00 EUR reaches the high-value threshold: validation holds it for Finance, due in 8 h.
        var orderId = await CaptureAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        var systemHold = (await _host.LoadAsync(orderId)).OpenHolds.Single(h => h.Type == HoldType.HighValueApproval);
        var systemCase = await CaseOfAsync(systemHold.Id);
        Assert.Equal(Actor.SystemId, systemCase.RaisedBy);
        _host.Time.Advance(TimeSpan.FromHours(9));
        Assert.Equal(1, (await RunJobAsync()).Escalated);

        await ReleaseAsync(orderId, HoldType.HighValueApproval, Actors.Finance);
        Assert.DoesNotContain((await _host.LoadAsync(orderId)).OpenHolds, h => h.Type == HoldType.HighValueApproval);
        var byHand = await PlaceAsync(orderId, HoldType.HighValueApproval, Actors.Operations, "Finance should look again.");

        Assert.Equal((systemCase.RaisedAt, systemCase.DueAt, 1), (byHand.RaisedAt, byHand.DueAt, byHand.EscalationLevel));
        Assert.Equal(Actors.Operations.Id, byHand.RaisedBy);
        Assert.Contains($"Continues case {systemCase.Id}", byHand.Timeline[0].Note, StringComparison.Ordinal);
    }
}
