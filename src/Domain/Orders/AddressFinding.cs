namespace EcomErp.Domain.Orders;

/// <summary>One reason a ship-to cannot be shipped to as it is: a code from <see cref="AddressRules"/> and a sentence for people.</summary>
public sealed record AddressFinding(string Code, string Message)
{
    /// <summary>As a hold's reason shows it: the code first, so a reader (or a queue) can tell the findings apart.</summary>
    public override string ToString() => $"[{Code}] {Message}";
}
