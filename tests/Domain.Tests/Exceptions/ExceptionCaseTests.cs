using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Exceptions;

public sealed class ExceptionCaseTests
{
    private static readonly Guid OrderId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000a1");
    private static readonly Guid HoldId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000b1");

    /// <summary>A second finance person: the queue's role without having raised anything.</summary>
    private static readonly Actor OtherFinance = Actors.Person("user:fred", "Fred (finance)", Roles.Finance);

    private static ExceptionCase HighValueCase(string raisedBy = Actor.SystemId) => ExceptionCase.Raise(
        ExceptionType.HighValueApproval, ExceptionSubject.Order(OrderId), HoldId, "WEB", "Total 3000.00 EUR reaches 2500.00 EUR.", raisedBy,
        ExceptionSlaPolicies.DefaultFor(ExceptionType.HighValueApproval), new PriorityInputs(), Clock.Now);

    /// <summary>Every hold type raises a case in the queue of the role that releases the hold.</summary>
    public static TheoryData<HoldType, ExceptionType, string> HoldQueues => new()
    {
        { HoldType.FraudReview, ExceptionType.FraudReview, Roles.OperationsManager },
        { HoldType.AddressValidation, ExceptionType.AddressValidation, Roles.CustomerService },
        { HoldType.HighValueApproval, ExceptionType.HighValueApproval, Roles.Finance },
        { HoldType.CreditCheck, ExceptionType.CreditCheck, Roles.Finance },
        { HoldType.InventoryShortfall, ExceptionType.InventoryShortfall, Roles.Planner },
        { HoldType.Manual, ExceptionType.ManualHold, Roles.OperationsManager },
        { HoldType.CarrierCapacity, ExceptionType.CarrierCapacity, Roles.WarehouseManager },
    };

    [Theory]
    [MemberData(nameof(HoldQueues))]
    public void EveryHoldType_MapsToACaseTypeWhoseQueueIsTheHoldsOwner(HoldType hold, ExceptionType type, string queue)
    {
        Assert.Equal(type, ExceptionQueues.TypeOf(hold));
        Assert.Equal(hold, ExceptionQueues.HoldTypeOf(type));
        Assert.Equal(queue, ExceptionQueues.OwnerOf(type));
        Assert.Equal(HoldOwnership.OwnerOf(hold), ExceptionQueues.OwnerOf(type));
    }

    [Fact]
    public void EveryType_HasAQueueAndADefaultPolicyWithATwoRungLadder()
    {
        foreach (var type in Enum.GetValues<ExceptionType>())
        {
            Assert.Contains(ExceptionQueues.OwnerOf(type), Roles.Assignable);
            var policy = ExceptionSlaPolicies.DefaultFor(type);
            Assert.True(policy.Sla > TimeSpan.Zero);
            Assert.Equal([1, 2], policy.Ladder.Select(r => r.Level));
        }
    }

    [Fact]
    public void Raise_OpensTheCaseInItsQueueDueAfterItsSlaWithARaisedEntryAndEvent()
    {
        var exceptionCase = HighValueCase();

        Assert.Equal((ExceptionCaseStatus.Open, Roles.Finance, Clock.Now.AddHours(8), 0, (string?)null),
            (exceptionCase.Status, exceptionCase.Queue, exceptionCase.DueAt, exceptionCase.EscalationLevel, exceptionCase.Assignee));
        Assert.Equal((ExceptionSubjectKind.Order, OrderId, (Guid?)HoldId, "WEB"), (exceptionCase.Subject.Kind, exceptionCase.Subject.Id, exceptionCase.HoldId, exceptionCase.Channel));
        var entry = Assert.Single(exceptionCase.Timeline);
        Assert.Equal((ExceptionCaseAction.Raised, Actor.SystemId, Clock.Now), (entry.Action, entry.ActorId, entry.At));
        var raised = Assert.IsType<ExceptionCaseRaised>(Assert.Single(exceptionCase.PendingEvents));
        Assert.Equal((ExceptionType.HighValueApproval, Roles.Finance, Clock.Now.AddHours(8)), (raised.Type, raised.Queue, raised.DueAt));
    }

    [Fact]
    public void Assign_ByTheQueuesRole_MovesOpenToAssignedAndRecordsIt()
    {
        var exceptionCase = HighValueCase();

        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now.AddMinutes(5)));

        Assert.Equal((ExceptionCaseStatus.Assigned, Actors.Finance.Id), (exceptionCase.Status, exceptionCase.Assignee));
        Assert.Equal((ExceptionCaseAction.Assigned, Actors.Finance.Id), (exceptionCase.Timeline[^1].Action, exceptionCase.Timeline[^1].ActorId));
        Assert.IsType<ExceptionCaseAssigned>(exceptionCase.PendingEvents[^1]);
    }

    [Fact]
    public void Assign_ToTheCurrentAssigneeOrToNobody_IsRefused()
    {
        var exceptionCase = HighValueCase();
        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now));
        var version = exceptionCase.Version;

        ResultAssert.FailsWith(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now), ExceptionCaseErrors.AssigneeInvalidCode, "assignee");
        ResultAssert.FailsWith(exceptionCase.Assign(" ", Actors.Finance, Clock.Now), ExceptionCaseErrors.AssigneeInvalidCode, "assignee");

        Assert.Equal(version, exceptionCase.Version);
    }

    [Fact]
    public void Assign_AnAssignedCaseToSomeoneElse_HandsItOn()
    {
        var exceptionCase = HighValueCase();
        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now));

        ResultAssert.Succeeded(exceptionCase.Assign("user:fred", Actors.Admin, Clock.Now));

        Assert.Equal((ExceptionCaseStatus.Assigned, "user:fred"), (exceptionCase.Status, exceptionCase.Assignee));
    }

    [Theory]
    [InlineData(ExceptionCaseStep.Assign)]
    [InlineData(ExceptionCaseStep.Resolve)]
    [InlineData(ExceptionCaseStep.Dismiss)]
    public void EveryStep_ByARoleOtherThanTheQueuesOrAdmin_IsRefusedAndChangesNothing(ExceptionCaseStep step)
    {
        var exceptionCase = HighValueCase();
        var version = exceptionCase.Version;

        foreach (var outsider in new[] { Actors.Operations, Actors.Warehouse, Actors.CustomerService, Actors.Planner, Actors.Executive })
            ResultAssert.FailsWith(Take(exceptionCase, step, outsider), ExceptionCaseErrors.NotPermittedCode);

        Assert.Equal((version, ExceptionCaseStatus.Open), (exceptionCase.Version, exceptionCase.Status));
        Assert.Null(exceptionCase.CheckCan(step, Actors.Finance));
        Assert.Null(exceptionCase.CheckCan(step, Actors.Admin));
    }

    [Theory]
    [InlineData(ExceptionCaseStep.Assign)]
    [InlineData(ExceptionCaseStep.Resolve)]
    [InlineData(ExceptionCaseStep.Dismiss)]
    public void EveryStep_ByAKeyWhoseScopesOnlyImplyTheQueuesRole_IsRefused_AGrantedOneMayTakeIt(ExceptionCaseStep step)
    {
        var exceptionCase = HighValueCase();
        var implied = new Actor("api-client:0195e3a0-0000-7000-8000-000000000002", "Shop", [Roles.Finance], GrantedRoles: []);

        ResultAssert.FailsWith(Take(exceptionCase, step, implied), ExceptionCaseErrors.NotPermittedCode);
        Assert.Equal(ExceptionCaseStatus.Open, exceptionCase.Status);
        Assert.Null(exceptionCase.CheckCan(step, implied with { GrantedRoles = [Roles.Finance] }));
    }

    [Fact]
    public void Resolve_Approved_ClosesTheCaseWithItsCodeNoteAndWho()
    {
        var exceptionCase = HighValueCase();

        ResultAssert.Succeeded(exceptionCase.Resolve(ExceptionResolution.Approved, " known customer ", Actors.Finance, Clock.Now.AddHours(1)));

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved, "known customer", Actors.Finance.Id, Clock.Now.AddHours(1)),
            (exceptionCase.Status, exceptionCase.Resolution, exceptionCase.ResolutionNote, exceptionCase.ClosedBy, exceptionCase.ClosedAt));
        Assert.Equal(ExceptionCaseAction.Resolved, exceptionCase.Timeline[^1].Action);
        var resolved = Assert.IsType<ExceptionCaseResolved>(exceptionCase.PendingEvents[^1]);
        Assert.Equal(ExceptionResolution.Approved, resolved.Resolution);
    }

    [Fact]
    public void Resolve_FromAssigned_ClosesTheCase()
    {
        var exceptionCase = HighValueCase();
        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now));

        ResultAssert.Succeeded(exceptionCase.Resolve(ExceptionResolution.Rejected, "stolen card", Actors.Finance, Clock.Now));

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Rejected), (exceptionCase.Status, exceptionCase.Resolution));
    }

    [Fact]
    public void Resolve_WithoutANoteOrWithAResolutionOnlyEcomErpRecords_IsRefused()
    {
        var exceptionCase = HighValueCase();

        ResultAssert.FailsWith(exceptionCase.Resolve(ExceptionResolution.Approved, "  ", Actors.Finance, Clock.Now), ExceptionCaseErrors.NoteRequiredCode, "note");
        ResultAssert.FailsWith(exceptionCase.Resolve(ExceptionResolution.Approved, new string('x', ExceptionCaseErrors.NoteMaxLength + 1), Actors.Finance, Clock.Now),
            ExceptionCaseErrors.NoteRequiredCode, "note");
        ResultAssert.FailsWith(exceptionCase.Resolve(ExceptionResolution.ClosedAtSource, "done", Actors.Finance, Clock.Now), ExceptionCaseErrors.ResolutionInvalidCode, "resolution");

        Assert.Equal(ExceptionCaseStatus.Open, exceptionCase.Status);
    }

    [Fact]
    public void Dismiss_ClosesTheCaseAsDismissedWithTheNote()
    {
        var exceptionCase = HighValueCase();

        ResultAssert.Succeeded(exceptionCase.Dismiss("raised twice", Actors.Finance, Clock.Now));

        Assert.Equal((ExceptionCaseStatus.Dismissed, (ExceptionResolution?)null, "raised twice"), (exceptionCase.Status, exceptionCase.Resolution, exceptionCase.ResolutionNote));
        Assert.IsType<ExceptionCaseDismissed>(exceptionCase.PendingEvents[^1]);
    }

    [Fact]
    public void Dismiss_FromAssigned_ClosesTheCase()
    {
        var exceptionCase = HighValueCase();
        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, Actors.Finance, Clock.Now));

        ResultAssert.Succeeded(exceptionCase.Dismiss("duplicate of another case", OtherFinance, Clock.Now));

        Assert.Equal((ExceptionCaseStatus.Dismissed, OtherFinance.Id), (exceptionCase.Status, exceptionCase.ClosedBy));
        Assert.Equal([ExceptionCaseAction.Raised, ExceptionCaseAction.Assigned, ExceptionCaseAction.Dismissed], exceptionCase.Timeline.Select(e => e.Action));
        Assert.Equal([1, 2, 3], exceptionCase.Timeline.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(ExceptionCaseStep.Resolve)]
    [InlineData(ExceptionCaseStep.Dismiss)]
    public void FourEyes_WhoeverPlacedTheHoldBehindTheCase_CannotDecideIt_ButMayAssignIt(ExceptionCaseStep step)
    {
        // An API client acting as Finance placed the hold; neither it nor a person with its id decides the case.
        var connector = new Actor("api-client:erp-finance", "ERP finance connector", [Roles.Finance]);
        var exceptionCase = HighValueCase(raisedBy: connector.Id);

        ResultAssert.FailsWith(Take(exceptionCase, step, connector), ExceptionCaseErrors.SelfApprovalCode);
        ResultAssert.FailsWith(Take(exceptionCase, step, Actors.Admin with { Id = connector.Id }), ExceptionCaseErrors.SelfApprovalCode);
        ResultAssert.Succeeded(exceptionCase.Assign(Actors.Finance.Id, connector, Clock.Now));

        ResultAssert.Succeeded(Take(exceptionCase, step, Actors.Finance));
    }

    [Theory]
    [InlineData(ExceptionCaseStep.Assign)]
    [InlineData(ExceptionCaseStep.Resolve)]
    [InlineData(ExceptionCaseStep.Dismiss)]
    public void AClosedCase_RefusesEveryFurtherStep(ExceptionCaseStep step)
    {
        foreach (var close in new Func<ExceptionCase, Result>[]
        {
            c => c.Resolve(ExceptionResolution.Approved, "ok", Actors.Finance, Clock.Now),
            c => c.Dismiss("not needed", Actors.Finance, Clock.Now),
            c => c.CloseAtSource(Actors.Operations.Id, "hold released on the order", Clock.Now),
        })
        {
            var exceptionCase = HighValueCase();
            ResultAssert.Succeeded(close(exceptionCase));
            var version = exceptionCase.Version;

            ResultAssert.FailsWith(Take(exceptionCase, step, Actors.Admin), ExceptionCaseErrors.ClosedCode);
            ResultAssert.FailsWith(exceptionCase.CloseAtSource(Actor.SystemId, "again", Clock.Now), ExceptionCaseErrors.ClosedCode);
            ResultAssert.FailsWith(exceptionCase.Escalate(ExceptionSlaPolicies.DefaultFor(exceptionCase.Type), Clock.Now.AddDays(3)), ExceptionCaseErrors.ClosedCode);
            Assert.Equal(version, exceptionCase.Version);
        }
    }

    [Fact]
    public void CloseAtSource_RecordsTheDecisionTakenOnTheOrderWithoutTheQueuesChecks()
    {
        var exceptionCase = HighValueCase(raisedBy: Actors.Finance.Id);

        ResultAssert.Succeeded(exceptionCase.CloseAtSource(Actors.Finance.Id, "order cancelled", Clock.Now));

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource, Actors.Finance.Id),
            (exceptionCase.Status, exceptionCase.Resolution, exceptionCase.ClosedBy));
    }

    [Fact]
    public void Raise_ContinuingAnEarlierCaseOfItsTypeAndSubject_KeepsItsClockAndEscalation_AndNamesItOnTheTimeline()
    {
        var earlier = HighValueCase();
        var policy = ExceptionSlaPolicies.DefaultFor(ExceptionType.HighValueApproval);
        ResultAssert.Succeeded(earlier.Escalate(policy, Clock.Now.AddHours(9)));
        ResultAssert.Succeeded(earlier.CloseAtSource(Actors.Finance.Id, "released", Clock.Now.AddHours(10)));
        var at = Clock.Now.AddHours(10).AddMinutes(1);

        var continuing = ExceptionCase.Raise(ExceptionType.HighValueApproval, ExceptionSubject.Order(OrderId), Guid.CreateVersion7(), "WEB", "again", Actors.Operations.Id,
            policy, new PriorityInputs(), at, continues: earlier);

        Assert.Equal((earlier.RaisedAt, earlier.DueAt, earlier.PolicyVersion), (continuing.RaisedAt, continuing.DueAt, continuing.PolicyVersion));
        Assert.Equal((1, Roles.OperationsManager, earlier.BreachedAt), (continuing.EscalationLevel, continuing.EscalatedTo, continuing.BreachedAt));
        Assert.Equal((ExceptionCaseStatus.Open, Actors.Operations.Id, "again"), (continuing.Status, continuing.RaisedBy, continuing.Reason));
        var entry = Assert.Single(continuing.Timeline);
        Assert.Equal((ExceptionCaseAction.Raised, at), (entry.Action, entry.At));
        Assert.StartsWith($"again [Continues case {earlier.Id}", entry.Note, StringComparison.Ordinal);
        Assert.Equal(earlier.Id.Value, Assert.IsType<ExceptionCaseRaised>(continuing.PendingEvents[^1]).ContinuesCaseId);
        // The ladder it climbs is the earlier one's: rung 2 at the earlier due time plus its SLA.
        Assert.Equal(earlier.DueAt + policy.Sla, continuing.NextEscalationAt(ExceptionSlaPolicies.TimedBy(continuing)));
    }

    [Fact]
    public void Raise_ContinuingACaseWhoseDueTimeIsLaterThanItsOwn_KeepsItsOwnStricterClock()
    {
        var earlier = HighValueCase();
        var shortened = ExceptionSlaPolicies.Ladder(ExceptionType.HighValueApproval, TimeSpan.FromHours(1), version: 2);

        var continuing = ExceptionCase.Raise(ExceptionType.HighValueApproval, ExceptionSubject.Order(OrderId), Guid.CreateVersion7(), "WEB", "again", Actors.Operations.Id,
            shortened, new PriorityInputs(), Clock.Now.AddHours(2), continues: earlier);

        Assert.Equal((Clock.Now.AddHours(2), Clock.Now.AddHours(3), 2), (continuing.RaisedAt, continuing.DueAt, continuing.PolicyVersion));
        Assert.Contains($"Continues case {earlier.Id}", continuing.Timeline[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Raise_ContinuingACaseAboutAnotherSubject_IsABrokenInvariant()
    {
        var earlier = HighValueCase();

        Assert.Throws<ArgumentException>(() => ExceptionCase.Raise(ExceptionType.HighValueApproval, ExceptionSubject.Order(Guid.CreateVersion7()), null, "WEB", "other",
            Actors.Operations.Id, ExceptionSlaPolicies.DefaultFor(ExceptionType.HighValueApproval), new PriorityInputs(), Clock.Now, continues: earlier));
    }

    private static Result Take(ExceptionCase exceptionCase, ExceptionCaseStep step, Actor actor) => step switch
    {
        ExceptionCaseStep.Assign => exceptionCase.Assign("user:someone", actor, Clock.Now),
        ExceptionCaseStep.Resolve => exceptionCase.Resolve(ExceptionResolution.Approved, "checked", actor, Clock.Now),
        _ => exceptionCase.Dismiss("not needed", actor, Clock.Now),
    };
}
