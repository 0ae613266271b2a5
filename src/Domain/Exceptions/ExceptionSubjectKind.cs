namespace EcomErp.Domain.Exceptions;

/// <summary>What a case is about.</summary>
public enum ExceptionSubjectKind
{
    Order = 0,
    OrderLine = 1,
    Shipment = 2,
    StockAdjustment = 3,
    PurchaseOrder = 4,

    /// <summary>A pending change of a policy value (its id is the change's).</summary>
    Policy = 5,

    /// <summary>A return (RMA); its id is the return's.</summary>
    Return = 6,

    /// <summary>A SKU; its id is <see cref="ExceptionSubject.SkuIdOf"/> of the code, which the case's reason names.</summary>
    Sku = 7,

    /// <summary>A customer; its id is <see cref="ExceptionSubject.CustomerIdOf"/> of the e-mail, which only the admin shows.</summary>
    Customer = 8,

    /// <summary>An event of the outbox a consumer parked; its id is the event's id (decision 050).</summary>
    OutboxEvent = 9,
}
