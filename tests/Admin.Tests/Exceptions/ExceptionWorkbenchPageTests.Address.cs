using System.Globalization;
using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>The "Correct address" form of an ADDRESS_VALIDATION case: prefilled, refused beside the field, applied with post-redirect-get.</summary>
public sealed partial class ExceptionWorkbenchPageTests
{
    private const string CustomerServiceEmail = "service@ecomerp.local";

    private static Dictionary<string, string> AddressFields(string version, string postalCode, string line1 = "Invalidenstraße 1") => new()
    {
        ["Input.Version"] = version, ["Input.Address.Name"] = "Anna Schmidt", ["Input.Address.Line1"] = line1, ["Input.Address.City"] = "Berlin",
        ["Input.Address.PostalCode"] = postalCode, ["Input.Address.Country"] = "DE", ["Input.CorrectionNote"] = "Customer confirmed by phone.",
    };

    [Fact]
    public async Task CustomerService_CorrectsTheAddressOfAnAddressCase_FailuresShowBesideTheFieldsAndKeepTheInput_AndAPassingOneMovesTheOrderOn()
    {
        var orderId = await CaptureAsync(new OrderBuilder().ShippingTo("Anna Schmidt", "Invalidenstraße 1", "Berlin", "1011", "DE"));
        var caseId = await CaseOfOrderAsync(orderId, ExceptionType.AddressValidation);
        using var client = await _session.SignedInAsync(CustomerServiceEmail, Roles.CustomerService);
        var path = $"{IndexPath}/case/{caseId}";

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        var version = (await VersionShownAsync(client, path)).ToString(CultureInfo.InvariantCulture);
        using var stillFails = await PostAsync(client, path, "CorrectAddress", AddressFields(version, "10115", line1: "Invalidenstraße"));
        var withoutCity = AddressFields(version, "10115");
        withoutCity["Input.Address.City"] = " ";
        using var blankCity = await PostAsync(client, path, "CorrectAddress", withoutCity);
        var stillFailsHtml = WebUtility.HtmlDecode(await stillFails.Content.ReadAsStringAsync());
        var blankCityHtml = await blankCity.Content.ReadAsStringAsync();
        using var corrected = await PostAsync(client, path, "CorrectAddress", AddressFields(version, "10115"));
        await _factory.RunBackgroundWorkAsync();
        var after = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("Correct address", form, StringComparison.Ordinal);
        Assert.Matches("""name="Input.Address.PostalCode" value="1011" """, form);
        Assert.Matches("""name="Input.Address.Line1" value="Invalidenstraße 1" """, form);
        Assert.Equal(HttpStatusCode.OK, stillFails.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Address"[^>]*>[^<]*Line 1 'Invalidenstraße' has no house number; addresses in DE carry one.[^<(]*<""", stillFailsHtml);
        Assert.DoesNotContain(AddressRules.HouseNumberMissingCode, stillFailsHtml, StringComparison.Ordinal);
        Assert.Matches("""name="Input.Address.Line1" value="Invalidenstraße" """, stillFailsHtml);
        Assert.Contains("value=\"Customer confirmed by phone.\"", stillFailsHtml, StringComparison.Ordinal);
        Assert.Matches("""data-valmsg-for="Input.Address.City"[^>]*>[^<]*city is required.<""", blankCityHtml);
        Assert.DoesNotContain(OrderErrors.AddressMissing, blankCityHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(path, corrected.Headers.Location?.OriginalString);
        Assert.Contains("The address is corrected and passes validation", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Resolved (Approved)<", after, StringComparison.Ordinal);
        Assert.DoesNotMatch("""data-testid="order-status">Captured<""", after);
        Assert.Contains("10115 Berlin", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCorrectAddressForm_IsOfferedOnAddressCasesOnly()
    {
        var caseId = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);

        var page = await client.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));

        Assert.DoesNotContain("handler=CorrectAddress", page, StringComparison.Ordinal);
        Assert.Contains("handler=Approve", page, StringComparison.Ordinal);
    }
}
