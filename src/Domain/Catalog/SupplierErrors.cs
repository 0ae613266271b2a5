using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Domain.Catalog;

/// <summary>Every expected failure of supplier master data, by code.</summary>
public static class SupplierErrors
{
    public const int ContactNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 32;

    [ErrorDescription("A supplier's name is missing or too long.")]
    public const string NameInvalidCode = "SUPPLIER_NAME_INVALID";
    [ErrorDescription("A supplier's nominal lead time is not a whole number of days from 1 to 365.")]
    public const string LeadTimeInvalidCode = "SUPPLIER_LEAD_TIME_INVALID";
    [ErrorDescription("A supplier's contact name, email or phone is too long or malformed (an email needs one @ and a domain; a phone holds digits, spaces and + ( ) - . only).")]
    public const string ContactInvalidCode = "SUPPLIER_CONTACT_INVALID";
    [ErrorDescription("No supplier has this code.")]
    public const string NotFoundCode = "SUPPLIER_NOT_FOUND";
    [ErrorDescription("A supplier with this code exists already.")]
    public const string DuplicateCode = "SUPPLIER_DUPLICATE";
    [ErrorDescription("The supplier is inactive: no new purchase order may name it until it is activated again.")]
    public const string InactiveCode = "SUPPLIER_INACTIVE";
    [ErrorDescription("The supplier already has exactly these details (or is already active, or inactive), so nothing would change.")]
    public const string UnchangedCode = "SUPPLIER_UNCHANGED";

    public static Error NotFound(SupplierCode code, string field = "supplier") => new(NotFoundCode, $"Supplier {code} does not exist.", field);

    public static Error Inactive(SupplierCode code, string field = "supplier") =>
        new(InactiveCode, $"Supplier {code} is inactive; activate it before ordering from it.", field);

    public static Error Duplicate(SupplierCode code) => new(DuplicateCode, $"Supplier {code} exists already.", "code");

    internal static Error NotPermitted(Actor actor) =>
        new(CommonErrors.NotPermitted, $"{actor.Name} may not change suppliers: it needs the {Roles.Planner} role.");
}
