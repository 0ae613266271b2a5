namespace EcomErp.Domain.Orders;

public enum HoldType
{
    FraudReview = 0,
    AddressValidation = 1,
    HighValueApproval = 2,
    CreditCheck = 3,
    InventoryShortfall = 4,
    Manual = 5,
}
