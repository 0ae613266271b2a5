using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;

namespace EcomErp.Domain.Tests.Imports;

/// <summary>An import run's lease (decision 090): taken with the run, only moved forward, dropped at the end; and what ends a run given up.</summary>
public sealed class ImportRunTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Planner = new("user:planner", "Planner", [Roles.Planner]);

    private static ImportRun Queued() => ImportRun.Queue("IMP-1", ImportKind.Skus, "skus.csv", Planner, "code\nA", 1, At);

    [Fact]
    public void TheLease_IsTakenWithTheRun_RenewedOnlyForward_WithoutCountingAsAChange_AndDroppedAtTheEnd()
    {
        var run = Queued();
        var beforeStart = run.Renew(At.AddMinutes(5));

        run.Start(At.AddMinutes(5));
        var revision = run.Revision;
        var backwards = run.Renew(At.AddMinutes(4));
        var forwards = run.Renew(At.AddMinutes(6));
        var (lease, revisionAfterRenewals) = (run.LeaseUntil, run.Revision);
        run.Apply();
        run.Succeed(1, At.AddMinutes(2));

        Assert.Equal((false, false, true), (beforeStart, backwards, forwards));
        Assert.Equal((At.AddMinutes(6), revision), (lease, revisionAfterRenewals));
        Assert.Null(run.LeaseUntil);
        Assert.False(run.Renew(At.AddMinutes(9)));
    }

    [Fact]
    public void ARun_IsAbandoned_OnlyWhileRunningAndPastItsLease_AndOneWithNoLeaseCountsAsRunOut()
    {
        var run = Queued();
        var queued = run.IsAbandoned(At.AddHours(1));
        run.Start(At.AddMinutes(5));

        Assert.False(queued);
        Assert.False(run.IsAbandoned(At.AddMinutes(5)));
        Assert.True(run.IsAbandoned(At.AddMinutes(5).AddTicks(1)));
        Assert.True(ImportRun.LeaseRanOut(null, At));
        run.Fail(new Error("IMPORT_RUN_FAILED", "fault"), At.AddMinutes(6));
        Assert.False(run.IsAbandoned(At.AddHours(1)));
    }

    [Fact]
    public void ARunGivenUp_SucceedsAfterAll_WhenItsSaveTookTheRowsIn_ButARunStillChecking_OrRefused_DoesNot()
    {
        var givenUp = Queued();
        givenUp.Start(At.AddMinutes(5));
        givenUp.Fail(new Error("IMPORT_RUN_ABANDONED", "stopped"), At.AddMinutes(6));
        givenUp.Succeed(1, At.AddMinutes(7));
        var checking = Queued();
        checking.Start(At.AddMinutes(5));
        var refused = Queued();
        refused.Start(At.AddMinutes(5));
        refused.Refuse([new Error("IMPORT_VALUE_UNREADABLE", "bad")], At.AddMinutes(1));

        Assert.Equal((ImportState.Succeeded, (int?)1, 0, (DateTimeOffset?)At.AddMinutes(7)), (givenUp.State, givenUp.Imported, givenUp.Problems.Count, givenUp.FinishedAt));
        Assert.Throws<InvalidOperationException>(() => checking.Succeed(1, At));
        Assert.Throws<InvalidOperationException>(() => refused.Succeed(1, At));
    }
}
