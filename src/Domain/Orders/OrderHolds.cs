using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order's holds: which are open, who may release each, and the four-eyes rule. A part of the order aggregate over
/// the order's own list (EF Core maps that list to OrderHolds); the order records the timeline and the events.
/// </summary>
internal sealed class OrderHolds(List<Hold> holds)
{
    public IEnumerable<Hold> Open => holds.Where(h => h.IsOpen);

    public bool AnyOpen => holds.Exists(h => h.IsOpen);

    public bool WasReleased(HoldType type) => holds.Exists(h => h.Type == type && !h.IsOpen);

    /// <summary>The refusal of a forward step while any hold is open, or null.</summary>
    public Error? Blocking() => AnyOpen ? OrderErrors.OnHold(Open.Select(h => h.Type)) : null;

    public Result<Hold> Place(HoldType type, string reason, Actor actor, DateTimeOffset at, Guid id)
    {
        if (holds.Exists(h => h.IsOpen && h.Type == type))
            return OrderErrors.HoldAlreadyOpen(type);
        var hold = new Hold(id, type, reason, actor.Id, at);
        holds.Add(hold);
        return hold;
    }

    /// <summary>Finds an open hold <paramref name="actor"/> may release: the owner of its type, and not its placer when it needs four eyes.</summary>
    public Result<Hold> FindReleasable(Guid holdId, Actor actor)
    {
        var hold = holds.Find(h => h.Id == holdId);
        if (hold is null)
            return OrderErrors.HoldNotFound(holdId);
        if (!hold.IsOpen)
            return OrderErrors.HoldAlreadyReleased(holdId, hold.ReleasedBy);
        var owner = HoldOwnership.OwnerOf(hold.Type);
        if (!actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, $"release a {hold.Type} hold");
        return hold.RequiresFourEyes && hold.PlacedBy == actor.Id ? OrderErrors.SelfApproval() : hold;
    }

    /// <summary>Closes every open hold (the order is cancelled) and returns them.</summary>
    public IReadOnlyList<Hold> ReleaseAll(Actor actor, DateTimeOffset at, string resolution)
    {
        var open = Open.ToList();
        open.ForEach(h => h.Release(actor.Id, at, resolution));
        return open;
    }
}
