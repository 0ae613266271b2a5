namespace EcomErp.Domain.Exceptions;

/// <summary>
/// What a case is about: an aggregate by kind and id (an order, a stock adjustment), narrowed to a line or a shipment of
/// it where the decision concerns only that part. A case always has one.
/// </summary>
public sealed record ExceptionSubject(ExceptionSubjectKind Kind, Guid Id, int? LineNumber = null, Guid? ShipmentId = null)
{
    public static ExceptionSubject Order(Guid orderId) => new(ExceptionSubjectKind.Order, orderId);

    public static ExceptionSubject Adjustment(Guid adjustmentId) => new(ExceptionSubjectKind.StockAdjustment, adjustmentId);

    public static ExceptionSubject PolicyChange(Guid changeId) => new(ExceptionSubjectKind.Policy, changeId);

    /// <summary>True for a subject that is an order or a part of one (a method, so the subject's stored and serialized form stays its four parts).</summary>
    public bool ConcernsAnOrder() => Kind is ExceptionSubjectKind.Order or ExceptionSubjectKind.OrderLine or ExceptionSubjectKind.Shipment;

    public override string ToString() => Kind switch
    {
        ExceptionSubjectKind.OrderLine => $"order {Id} line {LineNumber}",
        ExceptionSubjectKind.Shipment => $"order {Id} shipment {ShipmentId}",
        _ => $"{Kind} {Id}",
    };
}
