using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// A decision someone owes the business: a typed case about one subject, in the queue of the role that decides it, on an
/// SLA clock with an escalation ladder, with a priority whose factors are shown and a timeline of its own. Every step a
/// person takes passes one guard (<see cref="CheckCan"/>): the queue's role or Admin, never the one who raised it when it
/// decides, and nothing after it is closed.
/// </summary>
public sealed class ExceptionCase : AggregateRoot
{
    public const int AssigneeMaxLength = 128;
    public const int QueueMaxLength = 64;
    public const int ReasonMaxLength = 1000;

    private readonly List<ExceptionCaseEntry> _timeline = [];

    private ExceptionCase() { }

    public ExceptionCaseId Id { get; private set; }
    public ExceptionType Type { get; private set; }
    public ExceptionSubject Subject { get; private set; } = null!;

    /// <summary>The order hold behind the case, if a hold raised it: one case per hold.</summary>
    public Guid? HoldId { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>Why the case was raised, as the fact that raised it said (a hold's reason, say).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The owner role: only it (or Admin) assigns, resolves and dismisses.</summary>
    public string Queue { get; private set; } = "";

    public string? Assignee { get; private set; }
    public int PriorityValue { get; private set; }
    public IReadOnlyList<PriorityFactor> PriorityFactors { get; private set; } = [];

    /// <summary>Who raised the case, or placed the hold behind it (a person, an API client or the system).</summary>
    public string RaisedBy { get; private set; } = "";

    /// <summary>
    /// When the case's SLA clock started: when it was raised, or, for a case that continues the clock of an earlier one (a hold
    /// released and placed again within the window, decision 070), when that case's clock started. Its due time less this is the
    /// SLA it is timed by (<see cref="ExceptionSlaPolicies.TimedBy"/>).
    /// </summary>
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The subject order's ship-by deadline when known: the priority's time-left factor counts down to the earlier of it and <see cref="DueAt"/>.</summary>
    public DateTimeOffset? ShipBy { get; private set; }
    public int PolicyVersion { get; private set; }
    public int EscalationLevel { get; private set; }

    /// <summary>The role the last escalation brought the case to; null before the first.</summary>
    public string? EscalatedTo { get; private set; }

    /// <summary>When the SLA breach was first recorded; null while the case was never escalated.</summary>
    public DateTimeOffset? BreachedAt { get; private set; }

    public ExceptionCaseStatus Status { get; private set; }
    public ExceptionResolution? Resolution { get; private set; }
    public string? ResolutionNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public IReadOnlyList<ExceptionCaseEntry> Timeline => _timeline;

    public PriorityScore Priority => new(PriorityValue, PriorityFactors);

    public bool IsClosed => Status is ExceptionCaseStatus.Resolved or ExceptionCaseStatus.Dismissed;

    public bool IsOverdueAt(DateTimeOffset now) => !IsClosed && now > DueAt;

    /// <summary>
    /// Opens a case in its type's queue, due when its policy's SLA ends. <paramref name="raisedBy"/> is whoever caused it
    /// (the placer of the hold behind it): the four-eyes rule keeps them from deciding it. A case that <paramref name="continues"/>
    /// an earlier one of its type about its subject (its hold replaces one released within the window, decision 070) keeps that
    /// case's clock — start, due time, policy edition and escalation — unless its own SLA would end sooner, and says so on its
    /// timeline: releasing a hold and placing it again never restarts the SLA or loses an escalation.
    /// </summary>
    public static ExceptionCase Raise(ExceptionType type, ExceptionSubject subject, Guid? holdId, string channel, string reason, string raisedBy,
        ExceptionSlaPolicy policy, PriorityInputs priority, DateTimeOffset at, ExceptionCaseId? id = null, ExceptionCase? continues = null)
    {
        if (policy.Type != type)
            throw new ArgumentException($"A {type} case is timed by its own policy, not by the {policy.Type} one.", nameof(policy));
        if (continues is not null && (continues.Type != type || continues.Subject != subject))
            throw new ArgumentException($"A {type} case continues an earlier case of its own type about its own subject, not a {continues.Type} case.", nameof(continues));
        // A fresh clock that ends sooner (the SLA was shortened since) is the stricter one: a replaced hold never buys time.
        var kept = continues is not null && continues.DueAt <= at + policy.Sla ? continues : null;
        var dueAt = kept?.DueAt ?? at + policy.Sla;
        var score = ExceptionPriority.Score(priority, dueAt, at);
        var trimmed = reason.Trim();
        var exceptionCase = new ExceptionCase
        {
            Id = id ?? ExceptionCaseId.New(), Type = type, Subject = subject, HoldId = holdId, Channel = channel,
            Reason = trimmed.Length > ReasonMaxLength ? trimmed[..ReasonMaxLength] : trimmed,
            Queue = ExceptionQueues.OwnerOf(type), PriorityValue = score.Value, PriorityFactors = score.Factors,
            RaisedBy = raisedBy, RaisedAt = kept?.RaisedAt ?? at, DueAt = dueAt, ShipBy = priority.ShipBy, PolicyVersion = kept?.PolicyVersion ?? policy.Version,
            EscalationLevel = kept?.EscalationLevel ?? 0, EscalatedTo = kept?.EscalatedTo, BreachedAt = kept?.BreachedAt, Status = ExceptionCaseStatus.Open,
        };
        var note = continues is null ? exceptionCase.Reason : exceptionCase.WithContinuation(continues, kept is not null);
        exceptionCase.Record(at, raisedBy, ExceptionCaseAction.Raised, note,
            new ExceptionCaseRaised(exceptionCase.Id.Value, type, exceptionCase.Queue, channel, subject, dueAt, raisedBy, at, continues?.Id.Value));
        return exceptionCase;
    }

    /// <summary>The reason, then which case this one continues and which clock it kept; the link is never cut, the reason is shortened first.</summary>
    private string WithContinuation(ExceptionCase earlier, bool keptItsClock)
    {
        var closed = earlier.ClosedAt is { } closedAt ? $", closed {closedAt:u} ({earlier.Resolution})" : "";
        var link = $" [Continues case {earlier.Id} (raised {earlier.RaisedAt:u}{closed}) of an earlier {Type} hold on the same subject: "
            + (keptItsClock
                ? $"keeps its SLA due {DueAt:u} and escalation level {EscalationLevel} (decision 070).]"
                : $"its own SLA, due {DueAt:u}, ends before that case's ({earlier.DueAt:u}), so it keeps its own (decision 070).]");
        return (Reason.Length + link.Length > ReasonMaxLength ? Reason[..(ReasonMaxLength - link.Length)] : Reason) + link;
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="step"/>, or null: the case is open, the actor was granted the
    /// queue's role (or is an Admin; a role a key's scope implies works no case), and a decision is not by whoever raised the
    /// case (four eyes).
    /// </summary>
    public Error? CheckCan(ExceptionCaseStep step, Actor actor)
    {
        if (IsClosed)
            return ExceptionCaseErrors.Closed(Id, Status);
        if (!actor.MayDecideAs(Queue))
            return ExceptionCaseErrors.NotPermitted(actor, Queue, step);
        if (step is ExceptionCaseStep.Resolve or ExceptionCaseStep.Dismiss && actor.Id == RaisedBy)
            return ExceptionCaseErrors.SelfApproval();
        return null;
    }

    /// <summary>Gives the case to a person (or hands it on to another); the case becomes Assigned.</summary>
    public Result Assign(string assignee, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ExceptionCaseStep.Assign, actor) is { } refused)
            return refused;
        var who = assignee?.Trim();
        if (string.IsNullOrEmpty(who) || who.Length > AssigneeMaxLength)
            return ExceptionCaseErrors.AssigneeInvalid($"An assignee of 1 to {AssigneeMaxLength} characters is required.");
        if (who == Assignee)
            return ExceptionCaseErrors.AssigneeInvalid($"The case is assigned to {who} already.");
        if (TextRules.Check(who, "assignee") is { } unreadable)
            return unreadable;
        Assignee = who;
        Status = ExceptionCaseStatus.Assigned;
        Record(at, actor.Id, ExceptionCaseAction.Assigned, $"assigned to {who}",
            new ExceptionCaseAssigned(Id.Value, Type, Queue, Channel, who, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Why a person may not decide this case with <paramref name="resolution"/>, or null: people approve or reject, and a
    /// carrier-capacity case is never rejected, since an order is not cancelled for a capacity problem (decision 027): it is
    /// approved over capacity, or stays open until a release on a day with capacity ends it.
    /// </summary>
    public Error? CheckResolution(ExceptionResolution resolution) =>
        resolution is not (ExceptionResolution.Approved or ExceptionResolution.Rejected) ? ExceptionCaseErrors.ResolutionInvalid(resolution)
        : resolution == ExceptionResolution.Rejected && !TakesRejection(Type) ? ExceptionCaseErrors.NotRejectable(Type)
        : null;

    /// <summary>False for the types a person may not reject (carrier capacity), so pages offer no rejection for them.</summary>
    public static bool TakesRejection(ExceptionType type) => type != ExceptionType.CarrierCapacity;

    /// <summary>
    /// False for the subjects whose cases are decided, never dismissed: a stock adjustment (it would wait on with no case) and a
    /// return (its approval, or the value of an exchange not returned, needs a decision); pages offer no dismissal for them.
    /// </summary>
    public static bool TakesDismissal(ExceptionSubjectKind subject) => subject is not (ExceptionSubjectKind.StockAdjustment or ExceptionSubjectKind.Return);

    /// <summary>Decides the case: <see cref="ExceptionResolution.Approved"/> or <see cref="ExceptionResolution.Rejected"/>, with a note.</summary>
    public Result Resolve(ExceptionResolution resolution, string note, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ExceptionCaseStep.Resolve, actor) is { } refused)
            return refused;
        if (CheckResolution(resolution) is { } invalid)
            return invalid;
        var why = ExceptionCaseErrors.CheckNote(note);
        if (why.IsFailure)
            return why.Error;
        Close(ExceptionCaseStatus.Resolved, resolution, why.Value, actor.Id, at);
        return Result.Success();
    }

    /// <summary>Closes the case without a decision on its subject (raised in error, say); the note says why.</summary>
    public Result Dismiss(string note, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ExceptionCaseStep.Dismiss, actor) is { } refused)
            return refused;
        var why = ExceptionCaseErrors.CheckNote(note);
        if (why.IsFailure)
            return why.Error;
        Close(ExceptionCaseStatus.Dismissed, null, why.Value, actor.Id, at);
        return Result.Success();
    }

    /// <summary>
    /// Records that the subject was decided elsewhere (the hold released by hand, the order cancelled): that command was
    /// guarded where it ran, so no role or four-eyes check applies here; only a closed case refuses.
    /// </summary>
    public Result CloseAtSource(string actorId, string note, DateTimeOffset at)
    {
        if (IsClosed)
            return ExceptionCaseErrors.Closed(Id, Status);
        var trimmed = note.Trim();
        Close(ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource,
            trimmed.Length > ExceptionCaseErrors.NoteMaxLength ? trimmed[..ExceptionCaseErrors.NoteMaxLength] : trimmed, actorId, at);
        return Result.Success();
    }

    /// <summary>When the next rung of <paramref name="policy"/>'s ladder is due; null when closed or at the top.</summary>
    public DateTimeOffset? NextEscalationAt(ExceptionSlaPolicy policy) => IsClosed ? null : policy.NextEscalationAt(DueAt, EscalationLevel);

    /// <summary>
    /// Climbs ONE rung of the ladder when it is due at <paramref name="now"/>, and records the SLA breach on the timeline.
    /// A case overdue by two rungs climbs one per call, so no level is ever skipped. The SLA factor of the priority is taken
    /// again, since an overdue case ranks higher.
    /// </summary>
    public Result Escalate(ExceptionSlaPolicy policy, DateTimeOffset now)
    {
        if (IsClosed)
            return ExceptionCaseErrors.Closed(Id, Status);
        if (policy.RungAbove(EscalationLevel) is not { } rung || now < DueAt + rung.AfterDue)
            return ExceptionCaseErrors.EscalationNotDue(Id, EscalationLevel, NextEscalationAt(policy));
        EscalationLevel = rung.Level;
        EscalatedTo = rung.Role;
        BreachedAt ??= now;
        var score = ExceptionPriority.Refresh(Priority, DueAt, ShipBy, now);
        (PriorityValue, PriorityFactors) = (score.Value, score.Factors);
        Record(now, Actor.SystemId, ExceptionCaseAction.Escalated,
            $"SLA due {DueAt:u} breached by {(now - DueAt).TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} h; escalated to level {rung.Level} ({rung.Role}).",
            new ExceptionCaseEscalated(Id.Value, Type, Queue, Channel, rung.Level, rung.Role, Actor.SystemId, now));
        return Result.Success();
    }

    private void Close(ExceptionCaseStatus status, ExceptionResolution? resolution, string note, string actorId, DateTimeOffset at)
    {
        (Status, Resolution, ResolutionNote, ClosedBy, ClosedAt) = (status, resolution, note, actorId, at);
        if (status == ExceptionCaseStatus.Dismissed)
            Record(at, actorId, ExceptionCaseAction.Dismissed, note, new ExceptionCaseDismissed(Id.Value, Type, Queue, Channel, note, actorId, at));
        else
            Record(at, actorId, ExceptionCaseAction.Resolved, $"{resolution}: {note}",
                new ExceptionCaseResolved(Id.Value, Type, Queue, Channel, resolution!.Value, note, actorId, at));
    }

    private void Record(DateTimeOffset at, string actorId, ExceptionCaseAction action, string note, ExceptionCaseEvent happened)
    {
        _timeline.Add(new ExceptionCaseEntry(_timeline.Count + 1, at, actorId, action, note));
        Raise(happened);
    }
}
