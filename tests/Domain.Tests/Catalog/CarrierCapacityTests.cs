using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Catalog;

public sealed class CarrierCapacityTests
{
    private static readonly LocationCode Berlin = LocationCode.Of("WH-BERLIN");
    private static readonly DateOnly Day = new(2025, 3, 4);

    private static Result<Location> LocationWith(CarrierCapacity capacity) =>
        Location.Create("WH-BERLIN", "Berlin DC", LocationKind.Warehouse, "DE", 1, capacity);

    [Fact]
    public void DailyLimitFor_ReadsEachServiceLevelsOwnLimit_AndALeftOutLimitIsNoLimit()
    {
        var capacity = new CarrierCapacity(300, 40, null);

        Assert.Equal([300, 40, null], Enum.GetValues<ServiceLevel>().Select(capacity.DailyLimitFor));
        Assert.Equal([null, null, null], Enum.GetValues<ServiceLevel>().Select(CarrierCapacity.Unlimited.DailyLimitFor));
        Assert.Equal([7, 7, 7], Enum.GetValues<ServiceLevel>().Select(CarrierCapacity.EveryLevel(7).DailyLimitFor));
    }

    [Fact]
    public void Location_KeepsItsCapacityPerServiceLevel_ZeroIncluded()
    {
        Assert.Equal(new CarrierCapacity(0, 12, null), LocationWith(new CarrierCapacity(0, 12, null)).Value.CarrierCapacity);
    }

    [Fact]
    public void Location_WithCapacitiesOutOfRange_IsRefusedOnEachServiceLevelsField()
    {
        ResultAssert.FailsWithAll(LocationWith(new CarrierCapacity(-1, 5, CarrierCapacity.MaxDailyShipments + 1)),
            (CatalogErrors.LocationCapacityInvalid, "carrierCapacity.standard"), (CatalogErrors.LocationCapacityInvalid, "carrierCapacity.nextDay"));
        ResultAssert.FailsWith(LocationWith(new CarrierCapacity(null, -3, null)), CatalogErrors.LocationCapacityInvalid, "carrierCapacity.express");
        ResultAssert.Succeeded(LocationWith(new CarrierCapacity(0, CarrierCapacity.MaxDailyShipments, null)));
    }

    [Fact]
    public void ADay_OfALevelWithoutALimit_AlwaysHasRoom()
    {
        var day = CarrierCapacityDay.Open(Berlin, ServiceLevel.NextDay, Day);
        var capacity = new CarrierCapacity(0, 0, null);

        for (var i = 0; i < 1_000; i++)
            day.Book(capacity);

        Assert.True(day.HasRoomIn(capacity));
        Assert.Equal((1_000, 0), (day.Booked, day.BookedOverCapacity));
    }

    [Fact]
    public void ADay_OfALevelWithALimitOfZero_HasNoRoomAtAll()
    {
        var day = CarrierCapacityDay.Open(Berlin, ServiceLevel.Standard, Day);

        Assert.False(day.HasRoomIn(new CarrierCapacity(0, null, null)));
        Assert.Throws<InvalidOperationException>(() => day.Book(new CarrierCapacity(0, null, null)));
        Assert.Equal(0, day.Booked);
    }

    [Fact]
    public void Book_TakesOnePickupEach_UntilTheLimit_ThenNoRoomIsLeft()
    {
        var day = CarrierCapacityDay.Open(Berlin, ServiceLevel.Express, Day);
        var capacity = new CarrierCapacity(null, 2, null);

        day.Book(capacity);
        Assert.True(day.HasRoomIn(capacity));
        day.Book(capacity);

        Assert.False(day.HasRoomIn(capacity));
        Assert.Throws<InvalidOperationException>(() => day.Book(capacity));
        Assert.Equal(2, day.Booked);
        Assert.Equal("WH-BERLIN Express on 2025-03-04: 2 of 2 pickups booked", day.Describe(capacity));
    }

    [Fact]
    public void BookOverCapacity_BooksPastTheLimit_AndCountsWhatWentPast()
    {
        var day = CarrierCapacityDay.Open(Berlin, ServiceLevel.Express, Day);
        var capacity = new CarrierCapacity(null, 1, null);

        day.BookOverCapacity(capacity);
        day.BookOverCapacity(capacity);
        day.BookOverCapacity(capacity);

        Assert.Equal((3, 2), (day.Booked, day.BookedOverCapacity));
    }

    [Fact]
    public void DayOf_IsTheUtcCalendarDay()
    {
        Assert.Equal(new DateOnly(2025, 3, 5), CarrierCapacityDay.DayOf(new DateTimeOffset(2025, 3, 4, 23, 30, 0, TimeSpan.FromHours(-2))));
        Assert.Equal(new DateOnly(2025, 3, 3), CarrierCapacityDay.DayOf(new DateTimeOffset(2025, 3, 4, 0, 30, 0, TimeSpan.FromHours(1))));
    }
}
