using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>The buyer as the channel sent them.</summary>
public sealed record CustomerInfo
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 200;

    private CustomerInfo(string email, string name) => (Email, Name) = (email, name);

    public string Email { get; }
    public string Name { get; }

    public static Result<CustomerInfo> Create(string? email, string? name)
    {
        var errors = new List<Error>();
        var trimmedEmail = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmedEmail))
            errors.Add(OrderErrors.CustomerPartInvalid("A customer email is required.", "customer.email"));
        else if (TextRules.Check(email, "customer.email") is { } emailRefused)
            errors.Add(emailRefused);
        else if (trimmedEmail.Length > EmailMaxLength || !IsEmailShaped(trimmedEmail))
            errors.Add(OrderErrors.CustomerPartInvalid($"'{email}' is not an email address.", "customer.email"));
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(OrderErrors.CustomerPartInvalid("A customer name is required.", "customer.name"));
        else if (TextRules.Check(name, "customer.name") is { } nameRefused)
            errors.Add(nameRefused);
        else if (name.Trim().Length > NameMaxLength)
            errors.Add(OrderErrors.CustomerPartInvalid($"A customer name has at most {NameMaxLength} characters.", "customer.name"));
        return errors.Count > 0 ? Result<CustomerInfo>.Failure(errors) : new CustomerInfo(trimmedEmail!, name!.Trim());
    }

    private static bool IsEmailShaped(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }
}
