using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>Whom to call about a supplier's orders. Every part is optional: many suppliers are reached through a portal.</summary>
public sealed record SupplierContact(string Name, string Email, string Phone)
{
    public static readonly SupplierContact None = new("", "", "");

    /// <summary>The contact trimmed, or the reason one of its parts may not be kept.</summary>
    public static Result<SupplierContact> Create(string? name, string? email, string? phone)
    {
        var (n, e, p) = (name?.Trim() ?? "", email?.Trim() ?? "", phone?.Trim() ?? "");
        if (n.Length > SupplierErrors.ContactNameMaxLength)
            return Refused("contactName", $"A contact name has at most {SupplierErrors.ContactNameMaxLength} characters.");
        if (TextRules.Check(n, "contactName") is { } nameRefused)
            return nameRefused;
        if (e.Length > SupplierErrors.EmailMaxLength || (e.Length > 0 && !LooksLikeEmail(e)))
            return Refused("contactEmail", $"'{e}' is not an email address (name@domain, at most {SupplierErrors.EmailMaxLength} characters).");
        if (p.Length > SupplierErrors.PhoneMaxLength || !p.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.'))
            return Refused("contactPhone", $"A phone number has at most {SupplierErrors.PhoneMaxLength} digits, spaces and + ( ) - . characters.");
        return new SupplierContact(n, e.ToLowerInvariant(), p);
    }

    // Deliverability is the mail server's business; this only stops what cannot be an address.
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace)
            && TextRules.Check(email, "contactEmail") is null;
    }

    private static Error Refused(string field, string message) => new(SupplierErrors.ContactInvalidCode, message, field);
}
