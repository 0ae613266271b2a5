namespace EcomErp.Domain.Finance;

/// <summary>What an account's balance is: what the business owns, owes, was given, earned or spent.</summary>
public enum AccountType
{
    Asset = 0,
    Liability = 1,
    Equity = 2,
    Revenue = 3,
    Expense = 4,
}
