using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A known buyer; wholesale customers carry a credit limit.</summary>
public sealed class Customer
{
    private Customer() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Open credit in minor units of <see cref="CreditCurrency"/>; null for prepaid buyers.</summary>
    public long? CreditLimitMinor { get; private set; }
    public string? CreditCurrency { get; private set; }

    public static Result<Customer> Create(string email, string name, Money? creditLimit = null)
    {
        var info = Orders.CustomerInfo.Create(email, name);
        if (info.IsFailure)
            return Result<Customer>.Failure(info.Errors);
        if (creditLimit is { MinorUnits: < 0 })
            return new Error(CatalogErrors.CustomerCreditLimitInvalid, "A credit limit cannot be negative.", "creditLimit");
        return new Customer
        {
            Id = Guid.CreateVersion7(), Email = info.Value.Email, Name = info.Value.Name,
            CreditLimitMinor = creditLimit?.MinorUnits, CreditCurrency = creditLimit?.Currency.Code,
        };
    }
}
