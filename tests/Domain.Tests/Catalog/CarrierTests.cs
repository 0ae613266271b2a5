using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;
using EcomErp.Testing;

namespace EcomErp.Domain.Tests.Catalog;

public sealed class CarrierTests
{
    private const string Tracking = "https://track.example.com/parcel?id={tracking}";

    [Fact]
    public void Create_NormalisesTheCode_SortsTheServiceLevels_AndStartsActive()
    {
        var carrier = Carrier.Create(" dhl ", "DHL", [ServiceLevel.NextDay, ServiceLevel.Standard], Tracking, Actors.Planner, Clock.CapturedAt).Value;

        Assert.Equal(("DHL", true), (carrier.Code.Value, carrier.IsActive));
        Assert.Equal(new[] { ServiceLevel.Standard, ServiceLevel.NextDay }, carrier.ServiceLevels);
        Assert.IsType<CarrierRegistered>(Assert.Single(carrier.PendingEvents));
        Assert.Equal("https://track.example.com/parcel?id=JD%2F1", carrier.TrackingUrlFor("JD/1"));
    }

    [Theory]
    [InlineData("BAD CODE", "DHL", Tracking, CarrierErrors.CodeInvalidCode, "code")]
    [InlineData("DHL", "", Tracking, CarrierErrors.NameInvalidCode, "name")]
    [InlineData("DHL", "DHL", "https://track.example.com/parcel", CarrierErrors.TrackingUrlInvalidCode, "trackingUrlTemplate")]
    [InlineData("DHL", "DHL", "javascript:alert({tracking})", CarrierErrors.TrackingUrlInvalidCode, "trackingUrlTemplate")]
    [InlineData("DHL", "DHL", "https://x.example/{tracking}/{tracking}", CarrierErrors.TrackingUrlInvalidCode, "trackingUrlTemplate")]
    public void Create_WithABadValue_IsRefusedOnItsField(string code, string name, string tracking, string error, string field)
    {
        ResultAssert.FailsWith(Carrier.Create(code, name, [ServiceLevel.Standard], tracking, Actors.Planner, Clock.CapturedAt), error, field);
    }

    [Fact]
    public void Create_WithNoServiceLevel_ARepeatedOne_OrAnUndefinedOne_IsRefused()
    {
        foreach (var levels in new ServiceLevel[][] { [], [ServiceLevel.Express, ServiceLevel.Express], [(ServiceLevel)7] })
            ResultAssert.FailsWith(Carrier.Create("DHL", "DHL", levels, null, Actors.Planner, Clock.CapturedAt), CarrierErrors.ServiceLevelsInvalidCode, "serviceLevels");
    }

    [Fact]
    public void Create_ByCustomerService_IsNotPermitted()
    {
        ResultAssert.FailsWith(Carrier.Create("DHL", "DHL", [ServiceLevel.Standard], null, Actors.CustomerService, Clock.CapturedAt), CommonErrors.NotPermitted);
    }

    [Fact]
    public void Update_ReplacesEveryDetail_IncludingTheActiveFlag_ButNothingChangedIsRefused()
    {
        var carrier = Carrier.Create("DHL", "DHL", [ServiceLevel.Standard], null, Actors.Planner, Clock.CapturedAt).Value;

        ResultAssert.Succeeded(carrier.Update("DHL Parcel", [ServiceLevel.Standard, ServiceLevel.Express], Tracking, false, Actors.Admin, Clock.CapturedAt));

        Assert.Equal(("DHL Parcel", Tracking, false), (carrier.Name, carrier.TrackingUrlTemplate, carrier.IsActive));
        Assert.IsType<CarrierDetailsChanged>(carrier.PendingEvents[^1]);
        ResultAssert.FailsWith(carrier.Update("DHL Parcel", [ServiceLevel.Express, ServiceLevel.Standard], Tracking, false, Actors.Admin, Clock.CapturedAt),
            CarrierErrors.UnchangedCode);
    }
}
