using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>An expected business failure of a mutation: the client can show it and fix its input.</summary>
public sealed class UserErrorType : ObjectGraphType<Error>
{
    private static readonly HashSet<string> KnownCodes = [.. ExpectedErrors.All.Select(c => c.Code)];

    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected business failure of a mutation, with a stable code the client can act on.";
        Field<NonNullGraphType<UserErrorCodeType>>("code").Description("What went wrong, as a code to branch on; the message says it for people.")
            // The architecture tests keep every code a domain or application error can carry in the enum. Should one slip
            // through anyway, the response reports an internal error with a correlation id and the log names the code,
            // rather than the engine's anonymous serialization failure.
            .Resolve(c => KnownCodes.Contains(c.Source.Code)
                ? c.Source.Code
                : throw new InvalidOperationException($"Error code '{c.Source.Code}' is not a UserErrorCode value; declare it with [ErrorDescription] in its catalog."));
        Field(e => e.Field, nullable: true).Description("Path of the input field at fault, e.g. lines[0].quantity; null when the whole input is.");
        Field<NonNullGraphType<StringGraphType>>("message").Description("Human-readable explanation.")
            .Resolve(c => QuotedInput.Shorten(c.Source.Message));
    }
}

/// <summary>Every expected-failure code of the domain and application, each with when it happens.</summary>
public sealed class UserErrorCodeType : EnumerationGraphType
{
    public UserErrorCodeType()
    {
        Name = "UserErrorCode";
        Description = "Why a mutation was refused: one list for every payload's userErrors (also in docs/errors.md). Clients branch on it; "
            + "human text is in UserError.message.";
        foreach (var code in ExpectedErrors.All)
            Add(code.Code, code.Code, code.Description);
    }
}

/// <summary>An amount of money in one currency, from the minor units the domain keeps.</summary>
public sealed record MoneyValue(long MinorUnits, string Currency)
{
    /// <summary>The amount with exactly the currency's minor digits (19.90 EUR, 1990 JPY), so clients need no rounding.</summary>
    public decimal Amount
    {
        get
        {
            var digits = EcomErp.Domain.Common.Currency.Create(Currency) is { IsSuccess: true } currency ? currency.Value.MinorDigits : 0;
            var magnitude = (ulong)Math.Abs((decimal)MinorUnits);
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, MinorUnits < 0, (byte)digits);
        }
    }

    public static MoneyValue Of(Money money) => new(money.MinorUnits, money.Currency.Code);
}

public sealed class MoneyType : ObjectGraphType<MoneyValue>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An amount of money in one currency: every price, total, fee and cost in the API has this shape.";
        Field<NonNullGraphType<DecimalScalar>>("amount").Description("The amount in major units, with the currency's minor digits, e.g. \"19.90\".")
            .Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217 currency code, e.g. EUR.").Resolve(c => c.Source.Currency);
    }
}

/// <summary>An amount a client sends: the same shape as <see cref="MoneyType"/>.</summary>
public sealed class MoneyInput
{
    public decimal Amount { get; set; }
    public string CurrencyCode { get; set; } = "";
}

public sealed class MoneyInputType : InputObjectGraphType<MoneyInput>
{
    public MoneyInputType()
    {
        Name = "MoneyInput";
        Description = "An amount of money in one currency, as Money reads.";
        Field<NonNullGraphType<DecimalScalar>>("amount").Description("The amount in major units, at most the currency's minor digits, e.g. \"19.99\".");
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217 currency code, e.g. EUR.");
    }
}
