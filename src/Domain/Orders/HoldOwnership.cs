using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Which role clears each kind of hold.</summary>
public static class HoldOwnership
{
    public static string OwnerOf(HoldType type) => type switch
    {
        HoldType.FraudReview => Roles.OperationsManager,
        HoldType.AddressValidation => Roles.CustomerService,
        HoldType.HighValueApproval => Roles.Finance,
        HoldType.CreditCheck => Roles.Finance,
        HoldType.InventoryShortfall => Roles.Planner,
        HoldType.Manual => Roles.OperationsManager,
        HoldType.CarrierCapacity => Roles.WarehouseManager,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
