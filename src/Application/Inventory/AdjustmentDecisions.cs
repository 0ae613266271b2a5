using EcomErp.Application.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory;

/// <summary>
/// How a pending stock adjustment is decided, whether on the adjustment itself (ApproveAdjustment) or on its
/// ADJUSTMENT_APPROVAL case (ResolveExceptionCase): the adjustment's own guard (an operations manager, never the requester)
/// decides, and an approval posts to the balance it names. The caller saves.
/// </summary>
internal static class AdjustmentDecisions
{
    public static async Task<Result<StockAdjustment>> DecideAdjustmentAsync(this IInventoryRepository inventory, Guid adjustmentId, bool approve,
        string? reason, Actor actor, DateTimeOffset now, FourEyes fourEyes, CancellationToken cancellationToken)
    {
        if (await inventory.GetAdjustmentAsync(new AdjustmentId(adjustmentId), cancellationToken) is not { } adjustment)
            return InventoryErrors.AdjustmentNotFound(adjustmentId);
        // The adjustment's guard compares ids; a key its requester issued (or the person who issued the requesting key) is the requester too.
        if (adjustment.CheckCanDecide(actor, approve ? "approve" : "reject") is null && await fourEyes.AreOnePartyAsync(actor, adjustment.RequestedBy, cancellationToken))
            return InventoryErrors.SelfApproval(approve ? "approve" : "reject");
        Result decided;
        if (approve)
        {
            var balances = await inventory.GetBalancesAsync(adjustment.Location, [adjustment.Sku], cancellationToken);
            decided = adjustment.Approve(balances[adjustment.Sku], actor, now);
        }
        else
            decided = adjustment.Reject(reason, actor, now);
        return decided.IsSuccess ? adjustment : Result<StockAdjustment>.Failure(decided.Errors);
    }
}
