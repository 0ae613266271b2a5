using EcomErp.Domain.Common;

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

    public static ExceptionSubject Return(Guid returnId) => new(ExceptionSubjectKind.Return, returnId);

    public static ExceptionSubject OutboxEvent(Guid eventId) => new(ExceptionSubjectKind.OutboxEvent, eventId);

    public static ExceptionSubject Sku(SkuCode sku) => new(ExceptionSubjectKind.Sku, SkuIdOf(sku));

    /// <summary>A customer by e-mail (trimmed, lower case, as orders keep it); the subject holds only <see cref="CustomerIdOf"/> of it.</summary>
    public static ExceptionSubject Customer(string email) => new(ExceptionSubjectKind.Customer, CustomerIdOf(email));

    /// <summary>
    /// The subject id of a SKU, which has no id but its code: a name-based UUID, so the same SKU is the same subject every time
    /// and its open case can be found by subject.
    /// </summary>
    public static Guid SkuIdOf(SkuCode sku) => NameBasedId($"sku:{sku.Value}");

    /// <summary>
    /// The subject id of a customer, who has no id but an e-mail: a name-based UUID of it, so the case and its lists carry no
    /// e-mail (personal data) and the same customer is the same subject every time. It is a pseudonym, not an anonymisation:
    /// whoever knows an address can compute its id.
    /// </summary>
    public static Guid CustomerIdOf(string email) => NameBasedId($"customer:{email.Trim().ToLowerInvariant()}");

    /// <summary>The version 5 layout over a SHA-256 of <paramref name="name"/>.</summary>
    internal static Guid NameBasedId(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>True for a subject that is an order or a part of one (a method, so the subject's stored and serialized form stays its four parts).</summary>
    public bool ConcernsAnOrder() => Kind is ExceptionSubjectKind.Order or ExceptionSubjectKind.OrderLine or ExceptionSubjectKind.Shipment;

    public override string ToString() => Kind switch
    {
        ExceptionSubjectKind.OrderLine => $"order {Id} line {LineNumber}",
        ExceptionSubjectKind.Shipment => $"order {Id} shipment {ShipmentId}",
        _ => $"{Kind} {Id}",
    };
}
