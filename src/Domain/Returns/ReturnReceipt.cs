using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>
/// One receipt of the return's units, kept so that the same receipt sent again changes nothing and the same id with other
/// content is refused: <see cref="Content"/> is the receipt's location and line quantities in a canonical form.
/// </summary>
public sealed class ReturnReceipt
{
    public const int ContentMaxLength = 4000;

    private ReturnReceipt() { }

    internal ReturnReceipt(Guid receiptId, LocationCode location, string content, string actorId, DateTimeOffset at) =>
        (ReceiptId, Location, Content, ActorId, At) = (receiptId, location, content, actorId, at);

    public Guid ReceiptId { get; private set; }
    public LocationCode Location { get; private set; }
    public string Content { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static string ContentOf(LocationCode location, IEnumerable<ReturnLineQuantity> lines) =>
        $"{location}|{string.Join(',', lines.GroupBy(l => l.OrderLineNumber).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Sum(l => l.Quantity)}"))}";
}
