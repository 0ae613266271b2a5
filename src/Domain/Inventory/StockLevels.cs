namespace EcomErp.Domain.Inventory;

/// <summary>A balance's buckets at one moment.</summary>
public sealed record StockLevels(
    int Available, int Reserved, int QualityHold, int Damaged, int ReturnsAwaitingInspection, int InTransit, int Inbound)
{
    public static StockLevels Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The units physically at the location, whatever they wait for: free, reserved or picked for orders not yet shipped, on
    /// quality hold, damaged, returns awaiting inspection. Not those in transit to it or confirmed by a supplier: they have not
    /// arrived. What a cycle count counts (decision 091). A method, so the levels every ledger event carries do not carry it.
    /// </summary>
    public int OnHand() => checked(Available + Reserved + QualityHold + Damaged + ReturnsAwaitingInspection);

    public int this[StockBucket bucket] => bucket switch
    {
        StockBucket.Available => Available,
        StockBucket.Reserved => Reserved,
        StockBucket.QualityHold => QualityHold,
        StockBucket.Damaged => Damaged,
        StockBucket.ReturnsAwaitingInspection => ReturnsAwaitingInspection,
        StockBucket.InTransit => InTransit,
        StockBucket.Inbound => Inbound,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>The levels with <paramref name="delta"/> added to one bucket.</summary>
    public StockLevels With(StockBucket bucket, int delta) => bucket switch
    {
        StockBucket.Available => this with { Available = checked(Available + delta) },
        StockBucket.Reserved => this with { Reserved = checked(Reserved + delta) },
        StockBucket.QualityHold => this with { QualityHold = checked(QualityHold + delta) },
        StockBucket.Damaged => this with { Damaged = checked(Damaged + delta) },
        StockBucket.ReturnsAwaitingInspection => this with { ReturnsAwaitingInspection = checked(ReturnsAwaitingInspection + delta) },
        StockBucket.InTransit => this with { InTransit = checked(InTransit + delta) },
        StockBucket.Inbound => this with { Inbound = checked(Inbound + delta) },
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };
}
