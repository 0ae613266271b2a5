namespace EcomErp.Domain.Orders;

/// <summary>Units of one line that could not be allocated: backordered (they wait for stock) or short (nobody may wait for them).</summary>
public readonly record struct UnallocatedUnits(int LineNumber, int Backordered, int Short);
