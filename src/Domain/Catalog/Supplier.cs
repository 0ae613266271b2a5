using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// A business that sells us stock. Purchase orders name it by code; an inactive supplier keeps its history but takes no
/// new orders. The nominal lead time is what planners assume between ordering and receiving.
/// </summary>
public sealed class Supplier : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int MaxLeadTimeDays = 365;

    /// <summary>The lead time given to suppliers found on purchase orders before the master existed.</summary>
    public const int DefaultLeadTimeDays = 14;

    private Supplier() { }

    public SupplierCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public int LeadTimeDays { get; private set; }
    public string ContactName { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public bool IsActive { get; private set; }

    public SupplierContact Contact => new(ContactName, ContactEmail, ContactPhone);

    public static Result<Supplier> Create(string code, string name, int leadTimeDays, SupplierContact contact, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return SupplierErrors.NotPermitted(actor);
        var parsed = SupplierCode.Create(code);
        if (parsed.IsFailure)
            return Result<Supplier>.Failure([.. parsed.Errors.Select(e => e.WithField("code"))]);
        if (Check(name, leadTimeDays) is { } refused)
            return refused;
        var supplier = new Supplier { Code = parsed.Value, IsActive = true };
        supplier.Apply(name, leadTimeDays, contact);
        supplier.Raise(new SupplierRegistered(supplier.Code.Value, supplier.Name, supplier.LeadTimeDays, actor.Id, at));
        return supplier;
    }

    /// <summary>Replaces the name, lead time and contact; a change that changes nothing is refused rather than recorded.</summary>
    public Result Update(string name, int leadTimeDays, SupplierContact contact, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return SupplierErrors.NotPermitted(actor);
        if (Check(name, leadTimeDays) is { } refused)
            return refused;
        if (Name == name.Trim() && LeadTimeDays == leadTimeDays && Contact == contact)
            return new Error(SupplierErrors.UnchangedCode, $"Supplier {Code} already has these details.");
        Apply(name, leadTimeDays, contact);
        Raise(new SupplierDetailsChanged(Code.Value, Name, LeadTimeDays, actor.Id, at));
        return Result.Success();
    }

    public Result Activate(Actor actor, DateTimeOffset at) => SetActive(true, actor, at);

    public Result Deactivate(Actor actor, DateTimeOffset at) => SetActive(false, actor, at);

    private Result SetActive(bool active, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return SupplierErrors.NotPermitted(actor);
        if (IsActive == active)
            return new Error(SupplierErrors.UnchangedCode, $"Supplier {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new SupplierActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }

    private static Error? Check(string name, int leadTimeDays)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return new Error(SupplierErrors.NameInvalidCode, $"A supplier name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        if (leadTimeDays is < 1 or > MaxLeadTimeDays)
            return new Error(SupplierErrors.LeadTimeInvalidCode, $"A lead time is 1 to {MaxLeadTimeDays} days.", "leadTimeDays");
        return null;
    }

    private void Apply(string name, int leadTimeDays, SupplierContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        (Name, LeadTimeDays) = (name.Trim(), leadTimeDays);
        (ContactName, ContactEmail, ContactPhone) = (contact.Name, contact.Email, contact.Phone);
    }
}
