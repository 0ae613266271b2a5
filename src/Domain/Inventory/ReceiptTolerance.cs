namespace EcomErp.Domain.Inventory;

/// <summary>
/// How far a receipt may differ from the order, in percent of a line's ordered quantity: more than
/// <see cref="OverPercent"/> extra is refused; a line short by at most <see cref="UnderPercent"/> counts as complete
/// and its remainder is closed.
/// </summary>
public sealed record ReceiptTolerance(decimal OverPercent, decimal UnderPercent)
{
    public int MaxReceivable(int ordered) => ordered + (int)Math.Floor(ordered * OverPercent / 100m);

    public bool IsComplete(int ordered, int received) => received >= ordered - (int)Math.Floor(ordered * UnderPercent / 100m);
}
