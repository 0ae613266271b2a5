using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order's amendments before release (ship-to, priority): not workflow moves but changes inside the current state,
/// guarded by the one <see cref="OrderStep.Amend"/> rule. Kept apart from <c>Order.cs</c>, which reads as the workflow.
/// </summary>
public sealed partial class Order
{
    /// <summary>Set when a person verified the ship-to address by releasing an address-validation hold.</summary>
    public string? AddressVerifiedBy { get; private set; }

    /// <summary>What keeps the ship-to from being shipped to at the order's service level (<see cref="AddressRules"/>); empty when nothing does.</summary>
    public IReadOnlyList<AddressFinding> AddressFindings => AddressRules.Check(ShipTo, ServiceLevel);

    /// <summary>
    /// Changes where the order goes, before release. Nobody has verified the new address, so it is validated at once: an open
    /// address hold is released when it passes (the workflow moves on by itself) and kept, for the new findings, when it
    /// does not; a failing address on an order without one puts the order on an address hold, as validation would.
    /// </summary>
    public Result AmendShipTo(Address address, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(address);
        if ((CheckCan(OrderStep.Amend, actor) ?? (address == ShipTo ? OrderErrors.AmendmentUnchanged("shipTo", "ship-to") : null)) is { } refused)
            return refused;
        var from = ShipTo;
        (ShipTo, AddressVerifiedBy) = (address, null);
        var findings = AddressFindings;
        var still = findings.Count > 0 ? $" It fails address validation: {AddressRules.Describe(findings)}" : "";
        Happened(at, actor, TimelineAction.ShipToAmended, Bounded($"Ship-to amended: {string.Join("; ", from.DifferencesTo(address))}.{still}"),
            new OrderShipToAmended(Id.Value, Channel.Value, OrderShipToSnapshot.Of(from), OrderShipToSnapshot.Of(address), [.. findings.Select(f => f.Code)],
                actor.Id, at));
        ReviewAddressHold(findings, actor, at);
        return Result.Success();
    }

    /// <summary>Changes the order's fulfilment priority (backorder conversion and release go by it), before release.</summary>
    public Result AmendPriority(OrderPriority priority, Actor actor, DateTimeOffset at)
    {
        var invalid = !Enum.IsDefined(priority) ? OrderErrors.PriorityInvalid()
            : priority == Priority ? OrderErrors.AmendmentUnchanged("priority", "priority") : null;
        if ((CheckCan(OrderStep.Amend, actor) ?? invalid) is { } refused)
            return refused;
        var from = Priority;
        Priority = priority;
        Happened(at, actor, TimelineAction.PriorityAmended, $"Priority amended from {from} to {priority}.",
            new OrderPriorityAmended(Id.Value, Channel.Value, from, priority, actor.Id, at));
        return Result.Success();
    }

    /// <summary>The address hold after an amendment: released when the new ship-to passes, restated or placed when it does not.</summary>
    private void ReviewAddressHold(IReadOnlyList<AddressFinding> findings, Actor actor, DateTimeOffset at)
    {
        var open = _holdsPart.OpenOf(HoldType.AddressValidation);
        if (open is not null && findings.Count == 0)
        {
            _holdsPart.Cure(open, actor, at, "The amended ship-to passes address validation.");
            HoldReleased(open, actor, at);
        }
        else if (open is not null)
            open.Restate(AddressRules.Describe(findings));
        else if (findings.Count > 0 && PlaceHold(HoldType.AddressValidation, AddressRules.Describe(findings), actor, at) is { IsFailure: true } hold)
            throw new InvalidOperationException($"The address hold could not be placed: {hold.Error}");
    }

    /// <summary>A timeline reason within its column: long address parts are cut, never refused.</summary>
    private static string Bounded(string reason) =>
        reason.Length <= OrderErrors.ReasonMaxLength ? reason : string.Concat(reason.AsSpan(0, OrderErrors.ReasonMaxLength - 1), "…");
}
