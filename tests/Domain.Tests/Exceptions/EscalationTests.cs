using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Exceptions;

/// <summary>The escalation ladder on a clock the test moves: one rung per run, when it is due, a breach on the timeline.</summary>
public sealed class EscalationTests
{
    // Fraud review: due 4 h after raising; rung 1 (operations manager) at due, rung 2 (admin) 4 h past due.
    private static readonly ExceptionSlaPolicy Policy = ExceptionSlaPolicies.DefaultFor(ExceptionType.FraudReview);
    private static readonly DateTimeOffset DueAt = Clock.Now.AddHours(4);

    private static ExceptionCase FraudCase() => ExceptionCase.Raise(ExceptionType.FraudReview, ExceptionSubject.Order(Guid.CreateVersion7()), null, "WEB",
        "Fraud score 75", Actor.SystemId, Policy, new PriorityInputs(), Clock.Now);

    [Fact]
    public void Escalate_BeforeTheSlaIsBreached_IsNotDueAndChangesNothing()
    {
        var exceptionCase = FraudCase();

        ResultAssert.FailsWith(exceptionCase.Escalate(Policy, DueAt.AddTicks(-1)), ExceptionCaseErrors.EscalationNotDueCode);

        Assert.Equal((0, (string?)null, (DateTimeOffset?)null, 1), (exceptionCase.EscalationLevel, exceptionCase.EscalatedTo, exceptionCase.BreachedAt, exceptionCase.Timeline.Count));
        Assert.Equal(DueAt, exceptionCase.NextEscalationAt(Policy));
    }

    [Fact]
    public void Escalate_WhenTheSlaIsBreached_ClimbsToLevelOneAndRecordsTheBreach()
    {
        var exceptionCase = FraudCase();

        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt));

        Assert.Equal((1, Roles.OperationsManager, (DateTimeOffset?)DueAt), (exceptionCase.EscalationLevel, exceptionCase.EscalatedTo, exceptionCase.BreachedAt));
        Assert.Equal(ExceptionCaseStatus.Open, exceptionCase.Status);
        var entry = exceptionCase.Timeline[^1];
        Assert.Equal((ExceptionCaseAction.Escalated, Actor.SystemId), (entry.Action, entry.ActorId));
        Assert.Contains("breached", entry.Note, StringComparison.Ordinal);
        var escalated = Assert.IsType<ExceptionCaseEscalated>(exceptionCase.PendingEvents[^1]);
        Assert.Equal((1, Roles.OperationsManager), (escalated.Level, escalated.EscalatedTo));
        Assert.Equal(DueAt.AddHours(4), exceptionCase.NextEscalationAt(Policy));
    }

    [Fact]
    public void ACaseOverdueByTwoRungs_EscalatesOncePerRun_NeverSkippingALevel()
    {
        var exceptionCase = FraudCase();
        var wellPastBoth = DueAt.AddHours(10);

        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, wellPastBoth));
        Assert.Equal(1, exceptionCase.EscalationLevel);

        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, wellPastBoth.AddMinutes(1)));
        Assert.Equal((2, Roles.Admin), (exceptionCase.EscalationLevel, exceptionCase.EscalatedTo));

        Assert.Equal([1, 2], exceptionCase.PendingEvents.OfType<ExceptionCaseEscalated>().Select(e => e.Level));
        Assert.Equal(2, exceptionCase.Timeline.Count(e => e.Action == ExceptionCaseAction.Escalated));
        // The breach is when it was first seen.
        Assert.Equal(wellPastBoth, exceptionCase.BreachedAt);
    }

    [Fact]
    public void Escalate_BetweenRungs_WaitsForTheNextOne()
    {
        var exceptionCase = FraudCase();
        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddHours(1)));

        ResultAssert.FailsWith(exceptionCase.Escalate(Policy, DueAt.AddHours(4).AddTicks(-1)), ExceptionCaseErrors.EscalationNotDueCode);
        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddHours(4)));

        Assert.Equal(2, exceptionCase.EscalationLevel);
    }

    [Fact]
    public void Escalate_AtTheTopOfTheLadder_IsRefusedAndTheCaseStaysAtItsLevel()
    {
        var exceptionCase = FraudCase();
        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddDays(1)));
        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddDays(1)));
        var version = exceptionCase.Version;

        ResultAssert.FailsWith(exceptionCase.Escalate(Policy, DueAt.AddDays(30)), ExceptionCaseErrors.EscalationNotDueCode);

        Assert.Equal((2, version), (exceptionCase.EscalationLevel, exceptionCase.Version));
        Assert.Null(exceptionCase.NextEscalationAt(Policy));
    }

    [Fact]
    public void Escalation_GivesNoRightToDecide_TheQueuesRoleStillDecides()
    {
        var exceptionCase = ExceptionCase.Raise(ExceptionType.HighValueApproval, ExceptionSubject.Order(Guid.CreateVersion7()), null, "WEB", "high value",
            Actor.SystemId, ExceptionSlaPolicies.DefaultFor(ExceptionType.HighValueApproval), new PriorityInputs(), Clock.Now);
        ResultAssert.Succeeded(exceptionCase.Escalate(ExceptionSlaPolicies.DefaultFor(ExceptionType.HighValueApproval), Clock.Now.AddDays(1)));

        Assert.Equal(Roles.OperationsManager, exceptionCase.EscalatedTo);
        ResultAssert.FailsWith(exceptionCase.Resolve(ExceptionResolution.Approved, "ok", Actors.Operations, Clock.Now.AddDays(1)), ExceptionCaseErrors.NotPermittedCode);
    }

    [Fact]
    public void Escalate_RaisesThePriorityAsTheCaseIsNowOverdue()
    {
        var exceptionCase = FraudCase();
        var before = exceptionCase.Priority.Factors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft).Points;

        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddHours(2)));

        var overdue = exceptionCase.Priority.Factors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft);
        Assert.Equal((20, 40), (before, overdue.Points));
        Assert.Equal("overdue by 2 h", overdue.Explanation);
        Assert.Equal(exceptionCase.Priority.Factors.Sum(f => f.Points), exceptionCase.PriorityValue);
    }

    [Fact]
    public void Escalate_TakesTheTimeLeftAgainstTheOrdersShipBy_WhenItCameFirst()
    {
        var shipBy = Clock.Now.AddHours(1);
        var exceptionCase = ExceptionCase.Raise(ExceptionType.FraudReview, ExceptionSubject.Order(Guid.CreateVersion7()), null, "WEB",
            "Fraud score 75", Actor.SystemId, Policy, new PriorityInputs(ShipBy: shipBy), Clock.Now);
        Assert.Equal((shipBy, 30), (exceptionCase.ShipBy, exceptionCase.Priority.Factors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft).Points));

        ResultAssert.Succeeded(exceptionCase.Escalate(Policy, DueAt.AddHours(1)));

        var timeLeft = exceptionCase.Priority.Factors.Single(f => f.Kind == PriorityFactorKind.SlaTimeLeft);
        Assert.Equal((40, "ship-by passed 4 h ago"), (timeLeft.Points, timeLeft.Explanation));
    }
}
