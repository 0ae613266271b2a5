namespace EcomErp.Domain.Exceptions;

/// <summary>What kind of decision a case waits for; each type has its queue (<see cref="ExceptionQueues"/>) and SLA policy.</summary>
public enum ExceptionType
{
    FraudReview = 0,
    AddressValidation = 1,
    InventoryShortfall = 2,
    CarrierCapacity = 3,
    HighValueApproval = 4,
    CreditCheck = 5,
    ShortPick = 6,
    AdjustmentApproval = 7,
    IntegrationFailure = 8,
    ManualHold = 9,
    PolicyApproval = 10,
}
