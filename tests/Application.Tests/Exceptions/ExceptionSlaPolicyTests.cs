using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.EscalateOverdueCases;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Policies.SetPolicy;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;
using EcomErp.Infrastructure.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>The SLA of a type is a governed policy on the real SQLite file: new cases are timed by the value in force, open ones keep theirs.</summary>
public sealed class ExceptionSlaPolicyTests : IAsyncLifetime
{
    private const string FraudSla = "exceptions.sla-hours.fraud-review";

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The number of the change, which is the edition new cases record.</summary>
    private async Task<int> SetFraudSlaAsync(decimal hours)
    {
        var set = await _host.SendAsync<SetPolicy, SetPolicyResult>(new SetPolicy(Actors.Admin, FraudSla, null, null, hours, "Fraud decisions hold shipments."));
        Assert.True(set.IsSuccess, string.Join("; ", set.Errors));
        return set.Value.Change.Number;
    }

    /// <summary>A fraud review hold placed by hand on a fresh order: its case is raised when the outbox runs.</summary>
    private async Task<ExceptionCaseView> FraudCaseAsync()
    {
        var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _host.DispatchOutboxAsync();
        var held = await _host.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(captured.Value.OrderId, Actors.Operations, HoldType.FraudReview, "Card reported stolen?"));
        Assert.True(held.IsSuccess, string.Join("; ", held.Errors));
        await _host.DispatchOutboxAsync();
        var holdId = (await _host.LoadAsync(captured.Value.OrderId)).OpenHolds.Single(h => h.Type == HoldType.FraudReview).Id;
        var caseId = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<IExceptionCaseRepository>().FindByHoldAsync(holdId, CancellationToken.None))!.Id.Value);
        return await GetAsync(caseId);
    }

    private async Task<ExceptionCaseView> GetAsync(Guid caseId) => (await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(caseId))).Value;

    /// <summary>One run of the recurring job, as Hangfire would start it: a scope of its own.</summary>
    private Task<EscalationRun> RunJobAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<ExceptionEscalationJob>().RunAsync(CancellationToken.None));

    [Fact]
    public async Task WhereNobodyEverSetTheSla_NewCasesAreTimedByTheCodeDefault_AsEditionZero()
    {
        await using var empty = await ErpTestHost.StartAsync(new ErpTestHostOptions { SeedDemoData = false });

        var policy = await empty.InScopeAsync(sp => sp.GetRequiredService<IExceptionSlaPolicies>().ForAsync(ExceptionType.FraudReview, CancellationToken.None));

        Assert.Equal((TimeSpan.FromHours(4), ExceptionSlaPolicy.CodeDefaultVersion, Actor.SystemId), (policy.Sla, policy.Version, policy.ChangedBy));
    }

    [Fact]
    public async Task AfterAnAdminSetsTheFraudSlaToOneHour_ANewCaseIsDueInOneHour_CarriesTheEdition_AndEscalatesAtOneAndTwoHours()
    {
        var first = await SetFraudSlaAsync(3m);
        var edition = await SetFraudSlaAsync(1m);
        Assert.Equal(first + 1, edition);
        var policy = await _host.InScopeAsync(sp => sp.GetRequiredService<IExceptionSlaPolicies>().ForAsync(ExceptionType.FraudReview, CancellationToken.None));
        Assert.Equal((TimeSpan.FromHours(1), edition, Actors.Admin.Id), (policy.Sla, policy.Version, policy.ChangedBy));

        var raised = await FraudCaseAsync();

        Assert.Equal((raised.RaisedAt + TimeSpan.FromHours(1), edition), (raised.DueAt, raised.PolicyVersion));
        Assert.Equal(raised.DueAt, raised.NextEscalationAt);

        _host.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await RunJobAsync()).Escalated);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await RunJobAsync()).Escalated);
        var atOne = await GetAsync(raised.Id);
        Assert.Equal((1, Roles.OperationsManager, (DateTimeOffset?)(raised.DueAt + TimeSpan.FromHours(1))), (atOne.EscalationLevel, atOne.EscalatedTo, atOne.NextEscalationAt));

        _host.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await RunJobAsync()).Escalated);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await RunJobAsync()).Escalated);
        var atTwo = await GetAsync(raised.Id);
        Assert.Equal((2, Roles.Admin, (DateTimeOffset?)null), (atTwo.EscalationLevel, atTwo.EscalatedTo, atTwo.NextEscalationAt));
    }

    [Fact]
    public async Task AnOpenCase_KeepsTheDueTimeAndLadderItWasRaisedWith_WhenTheSlaChanges()
    {
        var before = await FraudCaseAsync();
        // The demo seed records every default as its policy's change 1.
        Assert.Equal((before.RaisedAt + TimeSpan.FromHours(4), 1), (before.DueAt, before.PolicyVersion));

        var edition = await SetFraudSlaAsync(1m);
        var after = await FraudCaseAsync();

        var kept = await GetAsync(before.Id);
        Assert.Equal((before.DueAt, before.NextEscalationAt, before.PolicyVersion), (kept.DueAt, kept.NextEscalationAt, kept.PolicyVersion));
        Assert.Equal((after.RaisedAt + TimeSpan.FromHours(1), edition), (after.DueAt, after.PolicyVersion));

        // Past its own due time and an hour more: under the new SLA the old case would be at level 2; under its own it is at 1.
        _host.Time.Advance(TimeSpan.FromHours(5));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(1, (await GetAsync(before.Id)).EscalationLevel);
        Assert.Equal(2, (await GetAsync(after.Id)).EscalationLevel);
    }
}
