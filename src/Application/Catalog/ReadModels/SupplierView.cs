using EcomErp.Domain.Catalog;

namespace EcomErp.Application.Catalog.ReadModels;

/// <summary>A supplier as planners and the admin see it; <see cref="Version"/> is what an edit expects to change.</summary>
public sealed record SupplierView(string Code, string Name, int LeadTimeDays, string ContactName, string ContactEmail, string ContactPhone, bool IsActive,
    int Version)
{
    public static SupplierView From(Supplier supplier) => new(supplier.Code.Value, supplier.Name, supplier.LeadTimeDays, supplier.ContactName,
        supplier.ContactEmail, supplier.ContactPhone, supplier.IsActive, supplier.Version);
}
