using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// A correction of Available stock with a reason: positive (found) or negative (lost, written off).
/// Up to the approval threshold it applies at once; above it, it waits until a second person approves or rejects it
/// (four eyes: never the requester). The threshold holds the units adjusted of the SKU at the location in a rolling period,
/// this one included (<see cref="AdjustmentApprovalLimit"/>, decision 071), so splitting a correction does not avoid approval.
/// </summary>
public sealed class StockAdjustment : AggregateRoot
{
    private StockAdjustment() { }

    public AdjustmentId Id { get; private set; }
    public SkuCode Sku { get; private set; }
    public LocationCode Location { get; private set; }

    /// <summary>Units added to (positive) or taken from (negative) Available.</summary>
    public int QuantityChange { get; private set; }
    public string ReasonCode { get; private set; } = "";
    public string? Note { get; private set; }
    public AdjustmentStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? RejectedBy { get; private set; }
    public DateTimeOffset? RejectedAt { get; private set; }

    /// <summary>Why the second person refused the adjustment; null unless <see cref="AdjustmentStatus.Rejected"/>.</summary>
    public string? RejectionReason { get; private set; }

    private string Reference => $"ADJ:{Id}";

    /// <param name="approval">A change that takes the units adjusted in the period (either way) above the threshold waits for approval.</param>
    public static Result<StockAdjustment> Request(InventoryBalance balance, int quantityChange, string? reasonCode, string? note,
        AdjustmentApprovalLimit approval, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "adjust stock");
        var errors = new List<Error>();
        if (quantityChange == 0)
            errors.Add(new Error(InventoryErrors.AdjustmentZeroCode, "An adjustment changes the quantity by at least one unit.", "quantityChange"));
        else if (Math.Abs((long)quantityChange) > Quantity.Max)
            errors.Add(new Error(InventoryErrors.AdjustmentTooLargeCode, $"An adjustment changes at most {Quantity.Max} units.", "quantityChange"));
        // A loss of more than the location holds is refused when it is asked for, as a move of it would be: waiting for
        // approval would only queue an adjustment that cannot apply. Approval checks again, since stock may leave meanwhile.
        else if (quantityChange < 0 && balance.CheckCanTake(StockBucket.Available, -quantityChange, "quantityChange") is { } shortage)
            errors.Add(shortage);
        if (string.IsNullOrWhiteSpace(reasonCode))
            errors.Add(new Error(InventoryErrors.ReasonRequiredCode, "An adjustment needs a reason code.", "reasonCode"));
        else if (!ReasonCodes.IsAdjustmentReason(reasonCode))
            errors.Add(new Error(InventoryErrors.ReasonUnknownCode,
                $"'{reasonCode}' is not an adjustment reason; use one of {string.Join(", ", ReasonCodes.ForAdjustment)}.", "reasonCode"));
        if (note?.Trim().Length > InventoryErrors.NoteMaxLength)
            errors.Add(new Error(InventoryErrors.NoteTooLongCode, $"A note has at most {InventoryErrors.NoteMaxLength} characters.", "note"));
        else if (TextRules.Check(note, "note", TextLayout.MultiLine) is { } noteRefused)
            errors.Add(noteRefused);
        if (errors.Count > 0)
            return Result<StockAdjustment>.Failure(errors);

        var adjustment = new StockAdjustment
        {
            Id = AdjustmentId.New(), Sku = balance.Sku, Location = balance.Location, QuantityChange = quantityChange, ReasonCode = reasonCode!,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RequestedBy = actor.Id, RequestedAt = at,
            Status = approval.NeedsApproval(quantityChange) ? AdjustmentStatus.PendingApproval : AdjustmentStatus.Applied,
        };
        if (adjustment.Status == AdjustmentStatus.Applied && adjustment.ApplyTo(balance, actor, at) is { IsFailure: true } refused)
            return Result<StockAdjustment>.Failure(refused.Errors);
        adjustment.Raise(new StockAdjustmentRequested(adjustment.Id.Value, balance.Sku.Value, balance.Location.Value, quantityChange, adjustment.ReasonCode,
            adjustment.Status, actor.Id, at, adjustment.Status == AdjustmentStatus.PendingApproval ? approval : null));
        return adjustment;
    }

    /// <summary>
    /// Records a count of the units on hand (<see cref="StockLevels.OnHand()"/>: a counter cannot tell a free unit from one
    /// reserved or picked for an order, decision 091); a difference becomes a <see cref="ReasonCodes.CountCorrection"/> of
    /// Available (pending when above the threshold). A loss larger than Available takes all of it: the rest were units
    /// Available did not hold, reserved, held, damaged or awaiting inspection, and stay on the book (<see cref="CycleCount.UnsettledQuantity"/>).
    /// No difference: the count is recorded and no adjustment made.
    /// </summary>
    public static Result<CycleCount> FromCycleCount(InventoryBalance balance, int countedQuantity, AdjustmentApprovalLimit approval, Actor actor,
        DateTimeOffset at)
    {
        var before = balance.Levels;
        var recorded = balance.RecordCount(countedQuantity, actor, at);
        if (recorded.IsFailure)
            return Result<CycleCount>.Failure(recorded.Errors);
        var correction = Math.Max(countedQuantity - before.OnHand(), -before.Available);
        if (correction == 0)
            return new CycleCount(countedQuantity, before.OnHand(), null);
        var unsettled = correction - (countedQuantity - before.OnHand());
        var note = $"Cycle count: counted {countedQuantity}, the ledger held {before.OnHand()} on hand"
            + (unsettled == 0 ? "." : $"; {unsettled} missing were not in Available and stay on the book.");
        var adjustment = Request(balance, correction, ReasonCodes.CountCorrection, note, approval, actor, at);
        return adjustment.IsSuccess ? new CycleCount(countedQuantity, before.OnHand(), adjustment.Value) : Result<CycleCount>.Failure(adjustment.Errors);
    }

    /// <summary>A second person approves a pending adjustment, which then applies (a negative one needs the stock to still be there).</summary>
    public Result Approve(InventoryBalance balance, Actor actor, DateTimeOffset at)
    {
        if (CheckCanDecide(actor, "approve") is { } refused)
            return refused;
        if (balance.Sku != Sku || balance.Location != Location)
            throw new ArgumentException($"Adjustment {Id} is for {Sku} at {Location}.", nameof(balance));
        var applied = ApplyTo(balance, actor, at);
        if (applied.IsFailure)
            return applied;
        (Status, ApprovedBy, ApprovedAt) = (AdjustmentStatus.Applied, actor.Id, at);
        Raise(new StockAdjustmentApproved(Id.Value, Sku.Value, Location.Value, QuantityChange, ReasonCode, RequestedBy, actor.Id, at));
        return Result.Success();
    }

    /// <summary>A second person refuses a pending adjustment, with a reason: no stock moves, and it can no longer be approved.</summary>
    public Result Reject(string? reason, Actor actor, DateTimeOffset at)
    {
        if (CheckCanDecide(actor, "reject") is { } refused)
            return refused;
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            return new Error(InventoryErrors.ReasonRequiredCode, "Rejecting an adjustment needs a reason.", "reason");
        if (why.Length > InventoryErrors.NoteMaxLength)
            return new Error(InventoryErrors.NoteTooLongCode, $"A reason has at most {InventoryErrors.NoteMaxLength} characters.", "reason");
        if (TextRules.Check(why, "reason", TextLayout.MultiLine) is { } unreadable)
            return unreadable;
        (Status, RejectedBy, RejectedAt, RejectionReason) = (AdjustmentStatus.Rejected, actor.Id, at, why);
        Raise(new StockAdjustmentRejected(Id.Value, Sku.Value, Location.Value, QuantityChange, ReasonCode, RequestedBy, why, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not decide the adjustment, or null: it waits for a decision, and the decider is an
    /// operations manager other than the requester (four eyes, for a rejection as for an approval).
    /// </summary>
    public Error? CheckCanDecide(Actor actor, string verb)
    {
        if (!actor.MayDecideAs(Roles.OperationsManager))
            return InventoryErrors.NotPermitted(actor, Roles.OperationsManager, $"{verb} a stock adjustment");
        if (Status != AdjustmentStatus.PendingApproval)
            return new Error(InventoryErrors.AdjustmentNotPendingCode, $"Adjustment {Id} is {Status}, not waiting for approval.");
        if (actor.Id == RequestedBy)
            return InventoryErrors.SelfApproval(verb);
        return null;
    }

    private Result ApplyTo(InventoryBalance balance, Actor actor, DateTimeOffset at) => QuantityChange > 0
        ? balance.Post(null, StockBucket.Available, QuantityChange, ReasonCode, Reference, actor, at)
        : balance.Post(StockBucket.Available, null, -QuantityChange, ReasonCode, Reference, actor, at);
}
