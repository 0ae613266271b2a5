using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order's holds: which are open, who may release each, and the four-eyes rule. A part of the order aggregate over
/// the order's own list (EF Core maps that list to OrderHolds); the order records the timeline and the events.
/// </summary>
internal sealed class OrderHolds(List<Hold> holds)
{
    /// <summary>The open holds in the order they were placed (by time, then id: the order the repository loads them in), so the
    /// order just saved and the order read back list them alike.</summary>
    public IEnumerable<Hold> Open => holds.Where(h => h.IsOpen).OrderBy(h => h.PlacedAt).ThenBy(h => h.Id);

    public bool AnyOpen => holds.Exists(h => h.IsOpen);

    public bool WasReleased(HoldType type) => holds.Exists(h => h.Type == type && !h.IsOpen);

    /// <summary>What each open hold tells someone asking why the order cannot move.</summary>
    public IEnumerable<Blocker> Blockers() => Open.Select(h => new Blocker(BlockerCode.OnHold,
        $"Open {h.Type} hold since {h.PlacedAt:u} ({h.Reason}); the {HoldOwnership.OwnerOf(h.Type)} role releases it.", h.Type));

    /// <summary>The refusal of a forward step while any hold other than one of the type the step cures is open, or null.</summary>
    public Error? Blocking(HoldType? cured = null) =>
        Open.Where(h => h.Type != cured).Select(h => h.Type).ToList() is { Count: > 0 } blocking ? OrderErrors.OnHold(blocking) : null;

    public Result<Hold> Place(HoldType type, string reason, Actor actor, DateTimeOffset at, Guid id)
    {
        var why = OrderErrors.CheckReason(reason, "reason");
        if (why.IsFailure)
            return why.Error;
        if (holds.Exists(h => h.IsOpen && h.Type == type))
            return OrderErrors.HoldAlreadyOpen(type);
        var hold = new Hold(id, type, why.Value, actor.Id, at);
        holds.Add(hold);
        return hold;
    }

    /// <summary>
    /// Releases an open hold: <paramref name="actor"/> owns its type and, when it needs four eyes, is neither its placer nor
    /// <paramref name="capturedBy"/>, who asked for the order the hold judges (the system places these holds, so the placer
    /// alone would let whoever captured an order over a threshold approve it).
    /// </summary>
    public Result<Hold> Release(Guid holdId, string resolution, Actor actor, DateTimeOffset at, string capturedBy)
    {
        var releasable = ToRelease(holdId, actor, capturedBy);
        if (releasable.IsFailure)
            return releasable;
        var why = OrderErrors.CheckReason(resolution, "resolution");
        if (why.IsFailure)
            return why.Error;
        releasable.Value.Release(actor.Id, at, why.Value);
        return releasable;
    }

    /// <summary>The open hold <paramref name="actor"/> may release, or why not (the guard of <see cref="Release"/>, before any reason).</summary>
    public Result<Hold> ToRelease(Guid holdId, Actor actor, string capturedBy)
    {
        var hold = holds.Find(h => h.Id == holdId);
        if (hold is null)
            return OrderErrors.HoldNotFound(holdId);
        if (!hold.IsOpen)
            return OrderErrors.HoldAlreadyReleased(holdId, hold.ReleasedBy);
        var owner = HoldOwnership.OwnerOf(hold.Type);
        // Releasing a hold that needs four eyes is an approval: the owner's role must be granted, not implied by a key's scope.
        if (hold.RequiresFourEyes ? !actor.MayDecideAs(owner) : !actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, $"release a {hold.Type} hold");
        if (hold.RequiresFourEyes && (hold.PlacedBy == actor.Id || capturedBy == actor.Id))
            return OrderErrors.SelfApproval(captured: hold.PlacedBy != actor.Id);
        return hold;
    }

    public Hold? OpenOf(HoldType type) => holds.Find(h => h.IsOpen && h.Type == type);

    /// <summary>
    /// The hold of the same type as <paramref name="hold"/> released last before it was placed, when that release was at most
    /// <paramref name="window"/> earlier: the hold it replaces, whose case's SLA clock the new hold's case keeps (decision 070).
    /// </summary>
    public Hold? ReplacedBy(Hold hold, TimeSpan window) => holds
        .Where(h => h.Id != hold.Id && h.Type == hold.Type && h.ReleasedAt is { } released && released <= hold.PlacedAt && hold.PlacedAt - released <= window)
        .MaxBy(h => h.ReleasedAt);

    /// <summary>
    /// Closes an open hold whose cause the order itself cured (an amended address that passes): no owner to ask, since
    /// whoever may amend the order has just removed the reason for it.
    /// </summary>
    public void Cure(Hold hold, Actor actor, DateTimeOffset at, string resolution) => hold.Release(actor.Id, at, resolution);

    /// <summary>Closes every open hold (the order is cancelled) and returns them.</summary>
    public IReadOnlyList<Hold> ReleaseAll(Actor actor, DateTimeOffset at, string resolution)
    {
        var open = Open.ToList();
        open.ForEach(h => h.Release(actor.Id, at, resolution));
        return open;
    }
}
