namespace EcomErp.Domain.Inventory;

public readonly record struct AdjustmentId(Guid Value)
{
    public static AdjustmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
