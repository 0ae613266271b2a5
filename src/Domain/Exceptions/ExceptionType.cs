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

    /// <summary>A return at or above its channel's auto-authorise value waits for a second person (decision 038).</summary>
    ReturnApproval = 11,

    /// <summary>A SKU's recent return rate exceeds its baseline by the policy's factor (decision 044).</summary>
    AbnormalReturns = 12,

    /// <summary>
    /// Units an exchange replaced were closed as missing on their return: the customer holds a replacement for units that never came
    /// back (decision 093).
    /// </summary>
    ExchangeNotReturned = 13,
}
