namespace EcomErp.Domain.Policies;

/// <summary>What numbers a policy takes: its readers count whole things, read a yes/no, or use the value as it is.</summary>
public enum PolicyValueKind
{
    /// <summary>Any number in the range: an amount of money, a percentage, hours.</summary>
    Decimal = 0,

    /// <summary>A whole number in the range: days, units, basis points, a score.</summary>
    WholeNumber = 1,

    /// <summary>1 (yes) or 0 (no).</summary>
    Flag = 2,
}
