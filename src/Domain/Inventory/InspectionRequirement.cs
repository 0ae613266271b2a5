using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Whether received units of a SKU go to QualityHold for inspection instead of straight to Available.
/// Kept beside the catalog's SKU, not in it: it is the warehouse's rule, and a SKU without one needs no inspection.
/// </summary>
public sealed class InspectionRequirement : AggregateRoot
{
    private InspectionRequirement() { }

    public SkuCode Sku { get; private set; }
    public bool RequiresInspection { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    public static Result<InspectionRequirement> Create(SkuCode sku, bool requiresInspection, Actor actor, DateTimeOffset at)
    {
        var requirement = new InspectionRequirement { Sku = sku };
        var set = requirement.Set(requiresInspection, actor, at);
        return set.IsSuccess ? requirement : Result<InspectionRequirement>.Failure(set.Errors);
    }

    public Result Change(bool requiresInspection, Actor actor, DateTimeOffset at) =>
        requiresInspection == RequiresInspection
            ? new Error(InventoryErrors.InspectionUnchangedCode, $"SKU {Sku} {(requiresInspection ? "already" : "does not")} require inspection.")
            : Set(requiresInspection, actor, at);

    private Result Set(bool requiresInspection, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "change which SKUs need inspection");
        (RequiresInspection, ChangedBy, ChangedAt) = (requiresInspection, actor.Id, at);
        Raise(new InspectionRequirementChanged(Sku.Value, requiresInspection, actor.Id, at));
        return Result.Success();
    }
}
