using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.EscalateOverdueCases;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Infrastructure.Exceptions;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>The escalation job on fake time and the real SQLite file: one rung per run, when it is due, a breach on the timeline.</summary>
public sealed class ExceptionEscalationTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A high-value case: due 8 h after raising; rung 1 (operations manager) at due, rung 2 (admin) 8 h past due.</summary>
    private async Task<Guid> HighValueCaseAsync()
    {
        var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m).BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _host.DispatchOutboxAsync();
        return await _host.WithDbAsync(db => db.ExceptionCases.AsNoTracking()
            .Where(c => c.Type == ExceptionType.HighValueApproval).Select(c => c.Id.Value).SingleAsync());
    }

    /// <summary>One run of the recurring job, as Hangfire would start it: a scope of its own.</summary>
    private Task<EscalationRun> RunJobAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<ExceptionEscalationJob>().RunAsync(CancellationToken.None));

    private async Task<ExceptionCaseView> GetAsync(Guid caseId) => (await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(caseId))).Value;

    [Fact]
    public async Task BeforeTheSlaEnds_ARunEscalatesNothing()
    {
        var caseId = await HighValueCaseAsync();
        _host.Time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));

        Assert.Equal(new EscalationRun(0, 0), await RunJobAsync());

        var stored = await GetAsync(caseId);
        Assert.Equal((0, false), (stored.EscalationLevel, stored.IsOverdue));
    }

    [Fact]
    public async Task WhenTheSlaIsBreached_ARunEscalatesToLevelOne_RecordsTheBreach_AndPublishesIt()
    {
        var caseId = await HighValueCaseAsync();
        _host.Time.Advance(TimeSpan.FromHours(8));
        var breachAt = _host.Time.GetUtcNow();

        Assert.Equal(new EscalationRun(1, 1), await RunJobAsync());

        var stored = await GetAsync(caseId);
        Assert.Equal((1, Roles.OperationsManager, (DateTimeOffset?)breachAt), (stored.EscalationLevel, stored.EscalatedTo, stored.BreachedAt));
        Assert.Equal(ExceptionCaseAction.Escalated, stored.Timeline[^1].Action);
        Assert.Equal(breachAt + TimeSpan.FromHours(8), stored.NextEscalationAt);
        Assert.Equal(40, stored.Priority.Factors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft).Points);
        Assert.Equal(1, await _host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().CountAsync(m => m.EventType == nameof(ExceptionCaseEscalated))));

        // The next rung is 8 h further: a run in between leaves the case where it is.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new EscalationRun(1, 0), await RunJobAsync());
        Assert.Equal(1, (await GetAsync(caseId)).EscalationLevel);
    }

    [Fact]
    public async Task ACaseOverdueByTwoRungs_EscalatesTwiceOverTwoRuns_NeverSkippingALevel()
    {
        var caseId = await HighValueCaseAsync();
        _host.Time.Advance(TimeSpan.FromHours(20));

        Assert.Equal(new EscalationRun(1, 1), await RunJobAsync());
        Assert.Equal((1, Roles.OperationsManager), ((await GetAsync(caseId)).EscalationLevel, (await GetAsync(caseId)).EscalatedTo));

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new EscalationRun(1, 1), await RunJobAsync());
        var stored = await GetAsync(caseId);
        Assert.Equal((2, Roles.Admin), (stored.EscalationLevel, stored.EscalatedTo));
        Assert.Equal(2, stored.Timeline.Count(e => e.Action == ExceptionCaseAction.Escalated));

        // At the top of the ladder, a run has nothing left to do for it.
        _host.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(new EscalationRun(0, 0), await RunJobAsync());
        Assert.Equal(2, (await GetAsync(caseId)).EscalationLevel);
    }

    [Fact]
    public async Task AResolvedCase_IsNeverEscalated()
    {
        var caseId = await HighValueCaseAsync();
        var resolved = await _host.SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(
            new ResolveExceptionCase(caseId, Actors.Finance, ExceptionResolution.Approved, "Known customer."));
        Assert.True(resolved.IsSuccess, string.Join("; ", resolved.Errors));
        _host.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(new EscalationRun(0, 0), await RunJobAsync());

        var stored = await GetAsync(caseId);
        Assert.Equal((0, false), (stored.EscalationLevel, stored.IsOverdue));
    }
}
