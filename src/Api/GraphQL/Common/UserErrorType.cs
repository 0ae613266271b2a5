using EcomErp.Domain.Common;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>An expected business failure of a mutation: the client can show it and fix its input.</summary>
public sealed class UserErrorType : ObjectGraphType<Error>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected business failure of a mutation, with a stable code the client can act on.";
        Field(e => e.Code).Description("Stable, machine-readable error code, e.g. ORDER_ILLEGAL_TRANSITION.");
        Field(e => e.Field, nullable: true).Description("Path of the input field at fault, e.g. lines[0].quantity; null when the whole input is.");
        Field(e => e.Message).Description("Human-readable explanation.");
    }
}

/// <summary>An amount of money: exact decimal amount, the same in minor units, and the currency.</summary>
public sealed record MoneyValue(long MinorUnits, string Currency)
{
    public decimal Amount => EcomErp.Domain.Common.Currency.Create(Currency) is { IsSuccess: true } c
        ? new Money(MinorUnits, c.Value).Amount
        : MinorUnits;
}

public sealed class MoneyType : ObjectGraphType<MoneyValue>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An amount of money in one currency.";
        Field(m => m.Amount).Description("The amount as an exact decimal in major units, e.g. 19.99.");
        Field(m => m.MinorUnits, type: typeof(NonNullGraphType<LongGraphType>)).Description("The amount in the currency's minor units, e.g. 1999.");
        Field(m => m.Currency).Description("ISO 4217 currency code.");
    }
}
