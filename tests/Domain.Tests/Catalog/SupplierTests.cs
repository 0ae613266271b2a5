using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;
using EcomErp.Testing;

namespace EcomErp.Domain.Tests.Catalog;

public sealed class SupplierTests
{
    private static readonly SupplierContact Contact = new("Rui", "orders@textil-porto.example.com", "+351 22 000");

    private static Supplier Created() => Supplier.Create("textil-porto", " Têxtil Porto ", 21, Contact, Actors.Planner, Clock.CapturedAt).Value;

    [Fact]
    public void Create_NormalisesTheCode_StartsActive_AndRaisesSupplierRegistered()
    {
        var supplier = Created();

        Assert.Equal(("TEXTIL-PORTO", "Têxtil Porto", 21, true), (supplier.Code.Value, supplier.Name, supplier.LeadTimeDays, supplier.IsActive));
        Assert.Equal(Contact, supplier.Contact);
        var registered = Assert.IsType<SupplierRegistered>(Assert.Single(supplier.PendingEvents));
        Assert.Equal(("TEXTIL-PORTO", Actors.Planner.Id), (registered.Supplier, registered.ActorId));
    }

    [Theory]
    [InlineData("", "Name", 14, "INVENTORY_SUPPLIER_INVALID", "code")]
    [InlineData("BAD CODE", "Name", 14, "INVENTORY_SUPPLIER_INVALID", "code")]
    [InlineData("SUP-1", " ", 14, SupplierErrors.NameInvalidCode, "name")]
    [InlineData("SUP-1", "Name", 0, SupplierErrors.LeadTimeInvalidCode, "leadTimeDays")]
    [InlineData("SUP-1", "Name", 366, SupplierErrors.LeadTimeInvalidCode, "leadTimeDays")]
    public void Create_WithABadValue_IsRefusedOnItsField(string code, string name, int leadTimeDays, string error, string field)
    {
        ResultAssert.FailsWith(Supplier.Create(code, name, leadTimeDays, SupplierContact.None, Actors.Planner, Clock.CapturedAt), error, field);
    }

    [Fact]
    public void Create_ByAWarehouseManager_IsNotPermitted()
    {
        ResultAssert.FailsWith(Supplier.Create("SUP-1", "Name", 14, SupplierContact.None, Actors.Warehouse, Clock.CapturedAt), CommonErrors.NotPermitted);
    }

    [Theory]
    [InlineData("x", "not-an-email", "", "contactEmail")]
    [InlineData("x", "a@b@c.example", "", "contactEmail")]
    [InlineData("x", "", "call me maybe", "contactPhone")]
    [InlineData("\u202Ename", "", "", "contactName")]
    public void Contact_WithAMalformedPart_IsRefusedOnThatPart(string name, string email, string phone, string field)
    {
        Assert.Equal(field, Assert.Single(SupplierContact.Create(name, email, phone).Errors).Field);
    }

    [Fact]
    public void Contact_TrimsItsParts_AndLowerCasesTheEmail()
    {
        Assert.Equal(new SupplierContact("Rui", "orders@example.com", "+351 22"), SupplierContact.Create(" Rui ", " Orders@Example.com ", " +351 22 ").Value);
    }

    [Fact]
    public void Update_ChangesTheDetails_AndRaisesSupplierDetailsChanged_ButNothingChangedIsRefused()
    {
        var supplier = Created();

        ResultAssert.Succeeded(supplier.Update("Têxtil Porto Lda", 28, SupplierContact.None, Actors.Admin, Clock.CapturedAt));

        Assert.Equal(("Têxtil Porto Lda", 28, SupplierContact.None), (supplier.Name, supplier.LeadTimeDays, supplier.Contact));
        Assert.IsType<SupplierDetailsChanged>(supplier.PendingEvents[^1]);
        ResultAssert.FailsWith(supplier.Update("Têxtil Porto Lda", 28, SupplierContact.None, Actors.Admin, Clock.CapturedAt), SupplierErrors.UnchangedCode);
        ResultAssert.FailsWith(supplier.Update("Têxtil Porto Lda", 0, SupplierContact.None, Actors.Admin, Clock.CapturedAt), SupplierErrors.LeadTimeInvalidCode, "leadTimeDays");
        Assert.Equal(28, supplier.LeadTimeDays);
    }

    [Fact]
    public void DeactivateThenActivate_ToggleTheFlagWithAnEventEach_AndARepeatIsRefused()
    {
        var supplier = Created();

        ResultAssert.Succeeded(supplier.Deactivate(Actors.Planner, Clock.CapturedAt));
        ResultAssert.FailsWith(supplier.Deactivate(Actors.Planner, Clock.CapturedAt), SupplierErrors.UnchangedCode);
        Assert.False(supplier.IsActive);
        ResultAssert.Succeeded(supplier.Activate(Actors.Planner, Clock.CapturedAt));

        Assert.True(supplier.IsActive);
        Assert.Equal(new[] { false, true }, supplier.PendingEvents.OfType<SupplierActivationChanged>().Select(e => e.IsActive));
    }
}
