namespace EcomErp.Domain.Orders;

public enum HoldType
{
    FraudReview = 0,
    AddressValidation = 1,
    HighValueApproval = 2,
    CreditCheck = 3,
    InventoryShortfall = 4,
    Manual = 5,

    /// <summary>A release found no carrier pickup left for a shipment today; the order waits instead of overbooking (decision 027).</summary>
    CarrierCapacity = 6,
}
