namespace EcomErp.Domain.Common;

/// <summary>An amount of money held in minor units so sums and comparisons are exact and run in the database.</summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0, currency);

    public decimal Amount => MinorUnits / Pow10(Currency.MinorDigits);

    /// <summary>Converts a decimal amount; fails when it has more decimals than the currency's minor unit.</summary>
    public static Result<Money> FromAmount(decimal amount, Currency currency)
    {
        decimal scaled;
        try
        {
            scaled = amount * Pow10(currency.MinorDigits);
        }
        catch (OverflowException)
        {
            return new Error(CommonErrors.MoneyOutOfRange, $"{amount} is out of range.");
        }
        if (scaled != decimal.Truncate(scaled))
            return new Error(CommonErrors.MoneyPrecision, $"{amount} has more decimals than {currency.Code} allows ({currency.MinorDigits}).");
        if (scaled is > long.MaxValue or < long.MinValue)
            return new Error(CommonErrors.MoneyOutOfRange, $"{amount} is out of range.");
        return new Money((long)scaled, currency);
    }

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return this with { MinorUnits = checked(MinorUnits + other.MinorUnits) };
    }

    public Money Multiply(int factor) => this with { MinorUnits = checked(MinorUnits * factor) };

    public bool IsGreaterThan(Money other)
    {
        EnsureSameCurrency(other);
        return MinorUnits > other.MinorUnits;
    }

    public override string ToString() => $"{Amount.ToString("F" + Currency.MinorDigits, System.Globalization.CultureInfo.InvariantCulture)} {Currency.Code}";

    private void EnsureSameCurrency(Money other)
    {
        if (other.Currency != Currency)
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
    }

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, digits) };
}
