using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Catalog;

public sealed class MasterDataTests
{
    private static Money Eur(decimal amount) => Money.FromAmount(amount, Currency.Of("EUR")).Value;

    private static Result<Sku> CreateSku(
        string code = "TEE-M-BLK", string name = "Tee", string size = "M", Money? price = null, Money? cost = null, int weightGrams = 180) =>
        Sku.Create(code, name, "TEE", size, "Black", price ?? Eur(19.99m), cost ?? Eur(6.20m), weightGrams, Clock.CapturedAt);

    [Fact]
    public void Channel_Create_NormalisesTheCodeAndStartsActive()
    {
        var channel = Channel.Create(" mkt-zalando ", " Zalando ", ChannelKind.Marketplace).Value;

        Assert.Equal(("MKT-ZALANDO", "Zalando", ChannelKind.Marketplace, true), (channel.Code.Value, channel.Name, channel.Kind, channel.IsActive));
    }

    [Fact]
    public void Channel_WithAnInvalidCode_IsRefusedWithTheCodeError()
    {
        ResultAssert.FailsWith(Channel.Create("WEB SHOP", "Web", ChannelKind.DirectToConsumer), "CHANNEL_CODE_INVALID");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Channel_WithoutAName_IsRefusedOnTheNameField(string name)
    {
        ResultAssert.FailsWith(Channel.Create("WEB", name, ChannelKind.DirectToConsumer), "CHANNEL_NAME_INVALID", "name");
    }

    [Fact]
    public void Channel_DeactivateAndActivate_ToggleIsActive_EachWithAnEvent()
    {
        var channel = Channel.Create("WEB", "Web shop", ChannelKind.DirectToConsumer).Value;
        var planner = new Actor("user:pia", "Pia", [Roles.Planner]);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.True(channel.Deactivate(planner, at).IsSuccess);
        Assert.False(channel.IsActive);
        Assert.True(channel.Activate(planner, at).IsSuccess);
        Assert.True(channel.IsActive);
        Assert.Equal([new ChannelActivationChanged("WEB", false, "user:pia", at), new ChannelActivationChanged("WEB", true, "user:pia", at)],
            channel.PendingEvents.Cast<ChannelActivationChanged>());
    }

    [Fact]
    public void Channel_ActivatedAgainOrByAnotherRole_IsRefusedWithANamedError_AndStaysAsItWas()
    {
        var channel = Channel.Create("WEB", "Web shop", ChannelKind.DirectToConsumer).Value;
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        ResultAssert.FailsWith(channel.Activate(new Actor("user:pia", "Pia", [Roles.Planner]), at), "CHANNEL_ACTIVATION_UNCHANGED");
        ResultAssert.FailsWith(channel.Deactivate(new Actor("user:fay", "Fay", [Roles.Finance]), at), "NOT_PERMITTED");

        Assert.True(channel.IsActive);
        Assert.Empty(channel.PendingEvents);
    }

    [Fact]
    public void Sku_Create_KeepsPriceAndCostInMinorUnitsOfOneCurrency()
    {
        var sku = CreateSku(code: "tee-m-blk").Value;

        Assert.Equal(("TEE-M-BLK", 1999L, 620L, "EUR", true), (sku.Code.Value, sku.PriceMinor, sku.CostMinor, sku.PriceCurrency, sku.IsActive));
    }

    [Fact]
    public void Sku_Create_RaisesSkuRegisteredForTheCatalogReadModel()
    {
        var sku = CreateSku().Value;

        var registered = Assert.IsType<SkuRegistered>(Assert.Single(sku.PendingEvents));
        Assert.Equal(("TEE-M-BLK", "M", 1999L, "EUR", 180, Clock.CapturedAt),
            (registered.Sku, registered.Size, registered.PriceMinor, registered.Currency, registered.WeightGrams, registered.OccurredAt));
        Assert.Equal(1, sku.Version);
    }

    [Fact]
    public void Sku_DeactivateByAPlanner_DeactivatesAndRaisesSkuActivationChanged()
    {
        var sku = CreateSku().Value;

        ResultAssert.Succeeded(sku.Deactivate(Actors.Planner, Clock.Now));

        Assert.False(sku.IsActive);
        var changed = Assert.IsType<SkuActivationChanged>(sku.PendingEvents[^1]);
        Assert.Equal(("TEE-M-BLK", false, Actors.Planner.Id, Clock.Now), (changed.Sku, changed.IsActive, changed.ActorId, changed.OccurredAt));
    }

    [Fact]
    public void Sku_ActivateAfterDeactivation_ActivatesAgain()
    {
        var sku = CreateSku().Value;
        sku.Deactivate(Actors.Planner, Clock.MinutesAfterCapture(1));

        ResultAssert.Succeeded(sku.Activate(Actors.Admin, Clock.Now));

        Assert.True(sku.IsActive);
        Assert.Equal(3, sku.Version);
    }

    [Fact]
    public void Sku_DeactivateByAnActorWithoutThePlannerRole_IsNotPermittedAndChangesNothing()
    {
        var sku = CreateSku().Value;

        ResultAssert.FailsWith(sku.Deactivate(Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);

        Assert.True(sku.IsActive);
        Assert.Equal(1, sku.Version);
    }

    [Fact]
    public void Sku_ActivateWhenAlreadyActive_IsRefusedRatherThanANoOp()
    {
        var sku = CreateSku().Value;

        ResultAssert.FailsWith(sku.Activate(Actors.Planner, Clock.Now), "SKU_ACTIVATION_UNCHANGED");

        Assert.Equal(1, sku.Version);
    }

    [Fact]
    public void Sku_WithPriceAndCostInDifferentCurrencies_IsRefusedOnPrice()
    {
        var result = CreateSku(cost: Money.FromAmount(6m, Currency.Of("USD")).Value);

        ResultAssert.FailsWith(result, "SKU_PRICE_INVALID", "price");
    }

    [Fact]
    public void Sku_WithANegativePrice_IsRefusedOnPrice()
    {
        ResultAssert.FailsWith(CreateSku(price: Eur(-1m)), "SKU_PRICE_INVALID", "price");
    }

    [Fact]
    public void Sku_WithANegativeWeight_IsRefusedOnWeight()
    {
        ResultAssert.FailsWith(CreateSku(weightGrams: -1), "SKU_WEIGHT_INVALID", "weightGrams");
    }

    [Fact]
    public void Sku_WithoutAName_IsRefusedOnTheNameField()
    {
        ResultAssert.FailsWith(CreateSku(name: " "), "SKU_NAME_INVALID", "name");
    }

    [Fact]
    public void Sku_WithAnAttributeLongerThanTheLimit_IsRefused()
    {
        var result = CreateSku(size: new string('X', Sku.AttributeMaxLength + 1));

        Assert.True(result.IsFailure);
        Assert.Equal("size", result.Error.Field);
    }

    [Fact]
    public void Location_Create_NormalisesCodeAndRegion()
    {
        var location = Location.Create("wh-berlin", "Berlin DC", LocationKind.Warehouse, " de ", 1, CarrierCapacity.EveryLevel(500)).Value;

        Assert.Equal(("WH-BERLIN", "DE", 1, CarrierCapacity.EveryLevel(500), true),
            (location.Code.Value, location.Region, location.Priority, location.CarrierCapacity, location.IsActive));
    }

    [Fact]
    public void Location_WithoutARegion_IsRefusedOnTheRegionField()
    {
        ResultAssert.FailsWith(Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "", 1, CarrierCapacity.EveryLevel(500)), "LOCATION_REGION_INVALID", "region");
    }

    [Fact]
    public void Location_WithANegativePriority_IsRefusedOnThePriorityField()
    {
        ResultAssert.FailsWith(Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", -1, CarrierCapacity.EveryLevel(500)), "LOCATION_PRIORITY_INVALID", "priority");
    }

    [Fact]
    public void Location_WithANegativeCapacity_IsRefusedOnTheCapacityField()
    {
        ResultAssert.FailsWith(Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", 1, new CarrierCapacity(-1, 10, null)),
            "LOCATION_CAPACITY_INVALID", "carrierCapacity.standard");
    }

    [Fact]
    public void Location_Update_ReplacesItsDetails_WithAnEventCarryingThem()
    {
        var location = Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(500)).Value;
        var planner = new Actor("user:pia", "Pia", [Roles.Planner]);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        ResultAssert.Succeeded(location.Update("Berlin hub", LocationKind.ThirdPartyLogistics, " at ", 4, new CarrierCapacity(100, 0, null), Eur(5m), Eur(9.5m), planner, at));

        Assert.Equal(("Berlin hub", LocationKind.ThirdPartyLogistics, "AT", 4, new CarrierCapacity(100, 0, null), 500L, 950L, 1),
            (location.Name, location.Kind, location.Region, location.Priority, location.CarrierCapacity, location.ShipmentCostMinor, location.ExpediteCostMinor, location.Version));
        Assert.Equal(new LocationChanged("WH-BERLIN", "Berlin hub", LocationKind.ThirdPartyLogistics, "AT", 4, 100, 0, null, 500, 950, "EUR", "user:pia", at),
            Assert.Single(location.PendingEvents));
    }

    [Fact]
    public void Location_UpdateWithABadValue_TheSameDetails_OrAnotherRole_IsRefusedWithANamedError_AndChangesNothing()
    {
        var location = Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(500)).Value;
        var planner = new Actor("user:pia", "Pia", [Roles.Planner]);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        ResultAssert.FailsWith(location.Update("Berlin DC", LocationKind.Warehouse, "DE", 1, new CarrierCapacity(5, 5, -1), null, null, planner, at),
            "LOCATION_CAPACITY_INVALID", "carrierCapacity.nextDay");
        ResultAssert.FailsWith(location.Update("Berlin DC", LocationKind.Warehouse, "DE", -2, CarrierCapacity.EveryLevel(500), null, null, planner, at),
            "LOCATION_PRIORITY_INVALID", "priority");
        ResultAssert.FailsWith(location.Update("Berlin DC", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(500), null, null, planner, at),
            "LOCATION_UNCHANGED");
        ResultAssert.FailsWith(location.Update("Elsewhere", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(500), null, null,
            new Actor("user:fay", "Fay", [Roles.Finance]), at), "NOT_PERMITTED");

        Assert.Equal(("Berlin DC", 1, CarrierCapacity.EveryLevel(500), 0), (location.Name, location.Priority, location.CarrierCapacity, location.Version));
        Assert.Empty(location.PendingEvents);
    }

    [Fact]
    public void Location_DeactivateAndActivate_EachRaiseAnEvent_AndARepeatIsRefused()
    {
        var location = Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(500)).Value;
        var planner = new Actor("user:pia", "Pia", [Roles.Planner]);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        ResultAssert.Succeeded(location.Deactivate(planner, at));
        ResultAssert.FailsWith(location.Deactivate(planner, at), "LOCATION_ACTIVATION_UNCHANGED");
        ResultAssert.Succeeded(location.Activate(planner, at));

        Assert.True(location.IsActive);
        Assert.Equal([new LocationActivationChanged("WH-BERLIN", false, "user:pia", at), new LocationActivationChanged("WH-BERLIN", true, "user:pia", at)],
            location.PendingEvents.Cast<LocationActivationChanged>());
    }

    [Fact]
    public void Customer_Create_UsesTheCustomerInfoRulesAndKeepsTheCreditLimit()
    {
        var customer = Customer.Create(" Buyer@Shop.example ", "Shop GmbH", Eur(5000m)).Value;

        Assert.Equal(("buyer@shop.example", 500000L, "EUR"), (customer.Email, customer.CreditLimitMinor, customer.CreditCurrency));
    }

    [Fact]
    public void Customer_WithoutACreditLimit_IsPrepaid()
    {
        var customer = Customer.Create("a@b.de", "Jane").Value;

        Assert.Null(customer.CreditLimitMinor);
        Assert.Null(customer.CreditCurrency);
    }

    [Fact]
    public void Customer_WithANegativeCreditLimit_IsRefused()
    {
        ResultAssert.FailsWith(Customer.Create("a@b.de", "Jane", Eur(-1m)), "CUSTOMER_CREDIT_LIMIT_INVALID", "creditLimit");
    }

    [Fact]
    public void Customer_WithAnInvalidEmail_IsRefusedWithTheCustomerInfoError()
    {
        ResultAssert.FailsWith(Customer.Create("not-an-email", "Jane"), EcomErp.Domain.Orders.OrderErrors.CustomerInvalid);
    }

    [Fact]
    public void Sku_SetSubstitutesByAPlanner_ListsThemInOrderAndRaisesSkuSubstitutesChanged()
    {
        var sku = CreateSku().Value;

        ResultAssert.Succeeded(sku.SetSubstitutes([SkuCode.Of("TEE-M-NVY"), SkuCode.Of("TEE-M-GRY")], Actors.Planner, Clock.Now));

        Assert.Equal(["TEE-M-NVY", "TEE-M-GRY"], sku.Substitutes.Select(s => s.Value));
        var changed = Assert.IsType<SkuSubstitutesChanged>(sku.PendingEvents[^1]);
        Assert.Equal(("TEE-M-BLK", "TEE-M-NVY TEE-M-GRY", "user:pia"), (changed.Sku, string.Join(' ', changed.Substitutes), changed.ActorId));
    }

    [Fact]
    public void Sku_SetSubstitutes_ThatNameItselfRepeatOrAreTooManyOrComeFromAClerk_IsRefusedAndChangesNothing()
    {
        var sku = CreateSku().Value;
        var events = sku.PendingEvents.Count;

        ResultAssert.FailsWith(sku.SetSubstitutes([SkuCode.Of("TEE-M-BLK")], Actors.Planner, Clock.Now), CatalogErrors.SkuSubstitutesInvalid, "substitutes[0]");
        ResultAssert.FailsWith(sku.SetSubstitutes([SkuCode.Of("TEE-M-NVY"), SkuCode.Of("TEE-M-NVY")], Actors.Planner, Clock.Now),
            CatalogErrors.SkuSubstitutesInvalid, "substitutes[1]");
        ResultAssert.FailsWith(sku.SetSubstitutes([.. Enumerable.Range(1, Sku.MaxSubstitutes + 1).Select(i => SkuCode.Of($"TEE-{i}"))], Actors.Planner,
            Clock.Now), CatalogErrors.SkuSubstitutesInvalid, "substitutes");
        ResultAssert.FailsWith(sku.SetSubstitutes([SkuCode.Of("TEE-M-NVY")], Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);

        Assert.Empty(sku.Substitutes);
        Assert.Equal(events, sku.PendingEvents.Count);
    }

    [Fact]
    public void Location_Create_KeepsShippingCostsInOneCurrency_AndRefusesNegativeOrMixedCosts()
    {
        var location = Location.Create("WH-A", "A", LocationKind.Warehouse, "de", 1, CarrierCapacity.EveryLevel(100), Eur(4.50m), Eur(9m)).Value;
        Assert.Equal((450L, 900L, "EUR"), (location.ShipmentCostMinor, location.ExpediteCostMinor, location.CostCurrency));

        var free = Location.Create("WH-B", "B", LocationKind.Warehouse, "NL", 2, CarrierCapacity.EveryLevel(100)).Value;
        Assert.Equal((0L, 0L, Location.DefaultCostCurrency), (free.ShipmentCostMinor, free.ExpediteCostMinor, free.CostCurrency));

        ResultAssert.FailsWith(Location.Create("WH-C", "C", LocationKind.Warehouse, "NL", 2, CarrierCapacity.EveryLevel(100), new Money(-1, Currency.Of("EUR"))),
            "LOCATION_COST_INVALID", "shipmentCost");
        ResultAssert.FailsWith(Location.Create("WH-C", "C", LocationKind.Warehouse, "NL", 2, CarrierCapacity.EveryLevel(100), Eur(1m), new Money(100, Currency.Of("GBP"))),
            "LOCATION_COST_INVALID", "shipmentCost");
    }

    [Fact]
    public void MasterDataNames_MadeOfInvisibleOrControlCharacters_AreRefusedOnTheirField()
    {
        ResultAssert.FailsWith(Channel.Create("WEB", "\u200B", ChannelKind.DirectToConsumer), TextRules.InvisibleOnlyCode, "name");
        ResultAssert.FailsWith(Location.Create("WH-X", "Hall\u0007", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(10)), TextRules.ControlCharacterCode, "name");
        ResultAssert.FailsWith(Location.Create("WH-X", "Hall", LocationKind.Warehouse, "D\u202EE", 1, CarrierCapacity.EveryLevel(10)), TextRules.BidiOverrideCode, "region");
        ResultAssert.FailsWith(Customer.Create("a@b.de", "\u2066Anna\u2069"), TextRules.BidiOverrideCode, "customer.name");
    }

    private static SkuDetails Details(string name = "Tee, organic", Money? price = null, Money? cost = null, int weightGrams = 190, bool critical = true) =>
        new(name, "TEE", "M", "Black", price ?? Eur(24.99m), cost ?? Eur(7m), weightGrams, critical);

    [Fact]
    public void Sku_UpdateByAPlanner_ChangesTheDetailsAndRaisesSkuDetailsChanged()
    {
        var sku = CreateSku().Value;

        ResultAssert.Succeeded(sku.Update(Details(name: " Tee, organic "), Actors.Planner, Clock.Now));

        Assert.Equal(("Tee, organic", 2499L, 700L, 190, true, 2), (sku.Name, sku.PriceMinor, sku.CostMinor, sku.WeightGrams, sku.IsCritical, sku.Version));
        var changed = Assert.IsType<SkuDetailsChanged>(sku.PendingEvents[^1]);
        Assert.Equal(("TEE-M-BLK", "Tee, organic", 2499L, 700L, "EUR", true, "user:pia"),
            (changed.Sku, changed.Name, changed.PriceMinor, changed.CostMinor, changed.Currency, changed.IsCritical, changed.ActorId));
    }

    [Fact]
    public void Sku_Update_ThatIsBadChangesNothingOrComesFromAClerk_IsRefusedByNameAndChangesNothing()
    {
        var sku = CreateSku().Value;
        var events = sku.PendingEvents.Count;

        ResultAssert.FailsWith(sku.Update(Details(name: " "), Actors.Planner, Clock.Now), CatalogErrors.SkuNameInvalid, "name");
        ResultAssert.FailsWith(sku.Update(Details(cost: Eur(-1m)), Actors.Planner, Clock.Now), CatalogErrors.SkuPriceInvalid, "cost");
        ResultAssert.FailsWith(sku.Update(Details(weightGrams: -5), Actors.Planner, Clock.Now), CatalogErrors.SkuWeightInvalid, "weightGrams");
        ResultAssert.FailsWith(sku.Update(Details(price: Money.FromAmount(25m, Currency.Of("USD")).Value, cost: Money.FromAmount(7m, Currency.Of("USD")).Value),
            Actors.Planner, Clock.Now), CatalogErrors.SkuPriceInvalid, "price");
        ResultAssert.FailsWith(sku.Update(new SkuDetails("Tee", "TEE", "M", "Black", Eur(19.99m), Eur(6.20m), 180, false), Actors.Planner, Clock.Now),
            CatalogErrors.SkuDetailsUnchanged);
        ResultAssert.FailsWith(sku.Update(Details(), Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);

        Assert.Equal(("Tee", 1999L, 620L, 180, false), (sku.Name, sku.PriceMinor, sku.CostMinor, sku.WeightGrams, sku.IsCritical));
        Assert.Equal(events, sku.PendingEvents.Count);
    }

    [Fact]
    public void Sku_CheckMayChange_LetsPlannersAndAdminsChangeTheCatalog_AndNobodyElse()
    {
        Assert.Null(Sku.CheckMayChange(Actors.Planner));
        Assert.Null(Sku.CheckMayChange(Actors.Admin));
        Assert.All(new[] { Actors.Warehouse, Actors.Operations, Actors.Finance, Actors.Executive, Actors.CustomerService },
            actor => Assert.Equal(CommonErrors.NotPermitted, Sku.CheckMayChange(actor)?.Code));
    }
}
