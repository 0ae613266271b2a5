using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// Which type of case each order hold raises, and which role's queue owns each type. The hold-backed types take their
/// owner from <see cref="HoldOwnership"/>, so a hold and its case can never name different owners.
/// </summary>
public static class ExceptionQueues
{
    public static ExceptionType TypeOf(HoldType hold) => hold switch
    {
        HoldType.FraudReview => ExceptionType.FraudReview,
        HoldType.AddressValidation => ExceptionType.AddressValidation,
        HoldType.HighValueApproval => ExceptionType.HighValueApproval,
        HoldType.CreditCheck => ExceptionType.CreditCheck,
        HoldType.InventoryShortfall => ExceptionType.InventoryShortfall,
        HoldType.Manual => ExceptionType.ManualHold,
        HoldType.CarrierCapacity => ExceptionType.CarrierCapacity,
        _ => throw new ArgumentOutOfRangeException(nameof(hold), hold, null),
    };

    /// <summary>The hold type behind a case type, or null for types no order hold raises.</summary>
    public static HoldType? HoldTypeOf(ExceptionType type) => type switch
    {
        ExceptionType.FraudReview => HoldType.FraudReview,
        ExceptionType.AddressValidation => HoldType.AddressValidation,
        ExceptionType.HighValueApproval => HoldType.HighValueApproval,
        ExceptionType.CreditCheck => HoldType.CreditCheck,
        ExceptionType.InventoryShortfall => HoldType.InventoryShortfall,
        ExceptionType.ManualHold => HoldType.Manual,
        ExceptionType.CarrierCapacity => HoldType.CarrierCapacity,
        _ => null,
    };

    /// <summary>
    /// The queues someone in these roles sees: a queue is named after its owner role, so their own roles' queues; every
    /// queue (null) for Admin, who may act in any, and Executive, who oversees them all without deciding.
    /// </summary>
    public static IReadOnlyCollection<string>? VisibleTo(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin, StringComparer.Ordinal) || roles.Contains(Roles.Executive, StringComparer.Ordinal) ? null : roles;

    /// <summary>
    /// Whether <paramref name="actor"/> sees cases of <paramref name="queue"/> (<see cref="VisibleTo"/>; the system sees every
    /// queue). A case in a queue the actor does not see does not exist for them: reads and changes answer as for an unknown case.
    /// </summary>
    public static bool IsVisibleTo(string queue, Actor actor) =>
        actor.IsSystem || VisibleTo(actor.DecidingRoles) is not { } queues || queues.Contains(queue, StringComparer.Ordinal);

    /// <summary>The role whose queue the type lands in: only that role (or an administrator) assigns, resolves and dismisses.</summary>
    public static string OwnerOf(ExceptionType type) => HoldTypeOf(type) is { } hold
        ? HoldOwnership.OwnerOf(hold)
        : type switch
        {
            ExceptionType.ShortPick => Roles.WarehouseManager,
            // The role that approves a stock adjustment today (StockAdjustment.Approve).
            ExceptionType.AdjustmentApproval => Roles.OperationsManager,
            ExceptionType.IntegrationFailure => Roles.Admin,
            // A second administrator approves a change of a threshold that guards money (decision 028).
            ExceptionType.PolicyApproval => Roles.Admin,
            // Operations authorises returns above the auto-authorise value (decision 038) and owns what returns tell about products.
            ExceptionType.ReturnApproval => Roles.OperationsManager,
            ExceptionType.AbnormalReturns => Roles.OperationsManager,
            // Money the business is owed or loses: Finance recovers it or writes it off (decision 093).
            ExceptionType.ExchangeNotReturned => Roles.Finance,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
}
