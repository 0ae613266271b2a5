using System.ComponentModel.DataAnnotations;
using EcomErp.Application.Catalog.ReadModels;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing.Suppliers;

/// <summary>A supplier's form, for creating one and for editing it; the rules are the domain's, shown beside the fields.</summary>
public sealed class SupplierInput
{
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Lead time (days)")]
    public int? LeadTimeDays { get; set; }

    [Display(Name = "Contact name")]
    public string? ContactName { get; set; }

    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; set; }

    /// <summary>The version the editor saw, so a change made meanwhile is a conflict rather than overwritten.</summary>
    public int? Version { get; set; }

    /// <summary>The form filled with the supplier as stored.</summary>
    public static SupplierInput From(SupplierView supplier) => new()
    {
        Code = supplier.Code, Name = supplier.Name, LeadTimeDays = supplier.LeadTimeDays, ContactName = supplier.ContactName,
        ContactEmail = supplier.ContactEmail, ContactPhone = supplier.ContactPhone, Version = supplier.Version,
    };

    /// <summary>The form field a command's error field belongs to.</summary>
    public static string FieldOf(string? field) => field switch
    {
        "code" => $"Input.{nameof(Code)}",
        "name" => $"Input.{nameof(Name)}",
        "leadTimeDays" => $"Input.{nameof(LeadTimeDays)}",
        "contactName" => $"Input.{nameof(ContactName)}",
        "contactEmail" => $"Input.{nameof(ContactEmail)}",
        "contactPhone" => $"Input.{nameof(ContactPhone)}",
        _ => string.Empty,
    };
}
