using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Returns;

/// <summary>
/// The return's page and the request form over HTTP on the real host: each step posted as a browser posts it, by the role that
/// owns it; a refusal comes back beside its field with the input kept; other roles and forged posts change nothing.
/// </summary>
public sealed partial class ReturnPagesTests : IDisposable
{
    private const string Password = "Returns-Passw0rd!";
    private const string Tee = "TEE-CREW-M-BLK";
    private const string Location = "WH-BERLIN";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public ReturnPagesTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    private static string DetailsPath(Guid id) => $"/admin/returns/{id}";

    private static string NewPath(Guid orderId) => $"/admin/returns/new?orderId={orderId}";

    /// <summary>An order of <paramref name="units"/> tees (25 EUR each), shipped.</summary>
    private Task<Guid> ShippedOrderAsync(int units = 2) => _factory.ShipAsync(new OrderBuilder().WithLine(Tee, units));

    private async Task<Guid> RequestedReturnAsync(Guid orderId, int units = 2, string reason = ReturnReasons.WrongSizeCode)
    {
        var requested = await _factory.SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, units, reason)]));
        Assert.True(requested.IsSuccess, string.Join("; ", requested.Errors));
        return requested.Value.ReturnId;
    }

    private async Task<ReturnView> ReturnAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetReturn, ReturnView>>().HandleAsync(new GetReturn(id, Actors.Admin), CancellationToken.None);
        return found.Value;
    }

    /// <summary>
    /// Posts a step as the page's form does, with the version the page shows, then projects as the host's loops would: the page
    /// reads the read model, which shows a step only once projected (decision 033), so the next read sees this one.
    /// </summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, bool withToken = true)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        if (!fields.ContainsKey("Input.Version"))
            fields["Input.Version"] = HiddenValue(page, "Input.Version");
        if (handler == "Receive" && !fields.ContainsKey("Input.ReceiptId"))
            fields["Input.ReceiptId"] = HiddenValue(page, "Input.ReceiptId");
        var response = await AdminPageSession.PostAsync(client, path, handler, fields, withToken);
        await _factory.RunBackgroundWorkAsync();
        return response;
    }

    private static string HiddenValue(string page, string name) =>
        Regex.Match(page, $"""name="{Regex.Escape(name)}" value="(?<v>[^"]*)" """.TrimEnd()).Groups["v"].Value;

    private static string CreditNoteHref(string page) =>
        Regex.Match(Regex.Match(page, """<a[^>]*data-testid="return-credit-note-link"[^>]*>""").Value, """href="(?<h>[^"]+)""").Groups["h"].Value;

    private static void AssertSentToAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CustomerService_RequestsAReturnFromTheOrderPage_AndLandsOnTheReturn()
    {
        var orderId = await ShippedOrderAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        var orderPage = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));
        using var requested = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "1", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode,
            ["Input.Lines[0].Comment"] = "Too small.",
        });
        var returnPage = await cato.GetStringAsync(_session.Resolve(requested));
        var orderAfter = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));

        Assert.Contains($"href=\"/admin/returns/new?orderId={orderId}\"", orderPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Matches("^/admin/returns/[0-9a-f-]{36}$", requested.Headers.Location!.OriginalString);
        Assert.Contains("is requested. It is Authorized.", returnPage, StringComparison.Ordinal);
        Assert.Contains("Too small.", returnPage, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"return-rma\">RMA-\\d{4}-\\d{6}<", returnPage);
        Assert.Contains($"href=\"{requested.Headers.Location!.OriginalString}\"", orderAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestForMoreThanShipped_OrWithoutAReason_ComesBackBesideTheLine_WithTheInputKept_AndRequestsNothing()
    {
        var orderId = await ShippedOrderAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        using var tooMany = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "5", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode,
            ["Input.Lines[0].Comment"] = "Keep me",
        });
        using var noReason = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "1", ["Input.Lines[0].Reason"] = "",
        });
        var tooManyHtml = await tooMany.Content.ReadAsStringAsync();
        var orderAfter = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].Quantity"[^>]*>[^<]*at most 2 can come back[^<]*<""", tooManyHtml);
        Assert.Contains("value=\"Keep me\"", tooManyHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"5\"", tooManyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].Reason"[^>]*>Choose why the units come back.<""", await noReason.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"order-return\"", orderAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestNamingASkuTheLineDidNotShipAs_ComesBackBesideTheLinesSku_AndRequestsNothing()
    {
        var orderId = await ShippedOrderAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        using var otherSku = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "1", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode,
            ["Input.Lines[0].Sku"] = "TEE-VNECK-M-BLK",
        });
        var orderAfter = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, otherSku.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].Sku"[^>]*>[^<]*not as &#x27;TEE-VNECK-M-BLK&#x27;[^<]*<""", await otherSku.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"order-return\"", orderAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestForm_SaysWhatAnEvenExchangeIs_AndAnExchangeForADearerItem_ComesBackBesideItsSku_AndRequestsNothing()
    {
        var orderId = await ShippedOrderAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        var form = await cato.GetStringAsync(new Uri(NewPath(orderId), UriKind.Relative));

        using var hoodie = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "1", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode,
            ["Input.Lines[0].ExchangeSku"] = "HOODIE-ZIP-M-OLV", ["Input.Lines[0].ExchangeQuantity"] = "1",
        });
        var orderAfter = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));

        Assert.Matches("""id="exchange-hint-0"[^>]*>An even exchange: [^<]*an item listed at 25.00 EUR, the price this line was sold at.<""", form);
        Assert.Contains("aria-describedby=\"exchange-hint-0\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hoodie.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].ExchangeSku"[^>]*>HOODIE-ZIP-M-OLV lists at 79.00 EUR; the unit of TEE-CREW-M-BLK coming back was sold at 25.00 EUR.[^<]*<""",
            await hoodie.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"order-return\"", orderAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestForm_RefusesOtherRoles_AndAPostWithoutItsAntiforgeryToken()
    {
        var orderId = await ShippedOrderAsync();
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        var fields = new Dictionary<string, string> { ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "1", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode };

        using var shown = await wim.GetAsync(new Uri(NewPath(orderId), UriKind.Relative));
        using var posted = await wim.PostAsync(new Uri(NewPath(orderId), UriKind.Relative), new FormUrlEncodedContent(fields));
        using var forged = await AdminPageSession.PostAsync(cato, NewPath(orderId), null, new(fields), withToken: false);
        var orderAfter = await cato.GetStringAsync(new Uri($"/admin/orders/details/{orderId}", UriKind.Relative));

        AssertSentToAccessDenied(shown);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("data-testid=\"order-return\"", orderAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWarehouseReceivesAndInspects_ADoubleSubmittedReceiptCountsOnce_AndFinanceRefundsUnderACreditNote()
    {
        var orderId = await ShippedOrderAsync();
        var id = await RequestedReturnAsync(orderId);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        var path = DetailsPath(id);

        var form = await wim.GetStringAsync(new Uri(path, UriKind.Relative));
        var receipt = new Dictionary<string, string>
        {
            ["Input.Version"] = HiddenValue(form, "Input.Version"), ["Input.ReceiptId"] = HiddenValue(form, "Input.ReceiptId"),
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "2",
        };
        using var received = await AdminPageSession.PostAsync(wim, path, "Receive", new(receipt));
        await _factory.RunBackgroundWorkAsync();
        // The same form posted again (a double click): same receipt id, so the same receipt, not two.
        receipt["Input.Version"] = HiddenValue(await wim.GetStringAsync(new Uri(path, UriKind.Relative)), "Input.Version");
        using var again = await AdminPageSession.PostAsync(wim, path, "Receive", new(receipt));
        await _factory.RunBackgroundWorkAsync();
        var afterReceipt = await ReturnAsync(id);
        using var inspected = await PostAsync(wim, path, "Inspect", new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Grades[0]"] = nameof(InspectionGrade.Resellable), ["Input.Lines[0].Grades[1]"] = nameof(InspectionGrade.Resellable),
        });
        using var restocked = await PostAsync(wim, path, "Disposition", new()
        {
            ["Input.DispositionLine"] = "1", ["Input.Units[0]"] = nameof(ReturnDisposition.Restock), ["Input.Units[1]"] = nameof(ReturnDisposition.Restock),
        });
        var financeView = await fay.GetStringAsync(new Uri(path, UriKind.Relative));
        using var refunded = await PostAsync(fay, path, "Refund", []);
        var refundedView = await fay.GetStringAsync(new Uri(path, UriKind.Relative));
        var done = await ReturnAsync(id);
        // Followed as the browser follows it (the admin writes its links in lower case).
        var creditNote = await fay.GetStringAsync(new Uri(CreditNoteHref(refundedView), UriKind.Relative));

        Assert.All(new[] { received, again, inspected, restocked, refunded }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, afterReceipt.Lines[0].Received);
        // 2 x 25.00 EUR less 10 % restocking (customer's fault) less 5.00 EUR return shipping.
        Assert.Matches("data-testid=\"refund-preview-total\"><strong>[^<]*40[.,]00", financeView);
        Assert.Contains("data-testid=\"action-refund\"", financeView, StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.Refunded, done.Status);
        Assert.Equal(4000, done.RefundTotalMinor);
        Assert.Equal($"/admin/finance/documents/{done.CreditNoteNumber}", CreditNoteHref(refundedView), StringComparer.OrdinalIgnoreCase);
        Assert.Contains($"data-testid=\"document-number\">{done.CreditNoteNumber}<", creditNote, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"document-total\"><strong>[^<]*40[.,]00", creditNote);
        Assert.Contains($"href=\"/admin/returns/{id}\"", creditNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiptOfMoreThanOutstanding_ComesBackBesideTheLine_WithTheInputKept_AndBooksNothing()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);

        using var tooMany = await PostAsync(wim, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "7",
        });
        using var nowhere = await PostAsync(wim, DetailsPath(id), "Receive", new() { ["Input.Location"] = "", ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "1" });
        var html = await tooMany.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].Received"[^>]*>[^<]+<""", html);
        Assert.Contains("value=\"7\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nowhere.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Location"[^>]*>Where did the units arrive\?<""", await nowhere.Content.ReadAsStringAsync());
        Assert.Equal(0, (await ReturnAsync(id)).Lines[0].Received);
        Assert.Equal(ReturnStatus.Authorized, (await ReturnAsync(id)).Status);
    }

    [Fact]
    public async Task AStepOnAReturnSomeoneChangedMeanwhile_IsAReadableConflict_AndChangesNothing()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        var seen = HiddenValue(await cato.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative)), "Input.Version");
        var transit = await _factory.SendAsync<Application.Returns.Steps.MarkReturnInTransit, ReturnCommandResult>(
            new Application.Returns.Steps.MarkReturnInTransit(id, Actors.Warehouse, "JD0146000099999"));
        Assert.True(transit.IsSuccess);

        using var stale = await PostAsync(cato, DetailsPath(id), "Cancel", new() { ["Input.Version"] = seen, ["Input.CancelReason"] = "Customer kept it." });
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this return while you were looking at it.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Customer kept it.\"", html, StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.InTransit, (await ReturnAsync(id)).Status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    [InlineData(null)]
    public async Task AStepPostedWithAnUnreadableReturnVersion_IsRefused_AndThePageSaysWhy(string? version)
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        var form = new Dictionary<string, string> { ["Input.CancelReason"] = "Customer kept it." };
        if (version is not null)
            form["Input.Version"] = version;

        // Without a version the page's own helper would add the one shown; the form goes as it is.
        using var posted = version is null
            ? await AdminPageSession.PostAsync(cato, DetailsPath(id), "Cancel", form)
            : await PostAsync(cato, DetailsPath(id), "Cancel", form);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""role="alert"[^>]*><ul><li>The form did not say which version of the return it was filled in on.""", html);
        Assert.Contains("value=\"Customer kept it.\"", html, StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.Authorized, (await ReturnAsync(id)).Status);
    }

    [Fact]
    public async Task ALongValueRefused_IsQuotedBesideItsFieldByItsStartOnly_AndNothingIsBooked()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var longValue = new string('X', 200_000);
        var start = new string('X', 64);

        using var location = await PostAsync(wim, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = longValue, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "1",
        });
        using var units = await PostAsync(wim, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = longValue,
        });

        Assert.Equal($"'{start}…' is not a location code.", FieldMessage(await location.Content.ReadAsStringAsync(), "Input.Location"));
        Assert.Equal($"The value '{start}…' is not valid for Received.", FieldMessage(await units.Content.ReadAsStringAsync(), "Input.Lines[0].Received"));
        Assert.Equal(0, (await ReturnAsync(id)).Lines[0].Received);
    }

    private static string FieldMessage(string page, string field) => WebUtility.HtmlDecode(
        Regex.Match(page, $"""data-valmsg-for="{Regex.Escape(field)}"[^>]*>(?<m>[^<]*)<""").Groups["m"].Value);

    [Fact]
    public async Task TheWarehouse_ClosesAParcelThatNeverCameAsMissing_BeforeAnyUnitArrived_AndTheReturnIsClosed()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var before = await wim.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));

        using var closed = await PostAsync(wim, DetailsPath(id), "CloseMissing", new() { ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Missing"] = "2" });

        Assert.Contains("data-testid=\"action-close-missing\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await ReturnAsync(id);
        Assert.Equal((ReturnStatus.Closed, 0, 2), (after.Status, after.Lines[0].Received, after.Lines[0].Missing));
        Assert.DoesNotContain("data-testid=\"action-", await wim.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReturnPage_OffersEachPersonOnlyTheirSteps_RefusesAStepOfAnotherRole_AndAForgedPost()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var catoView = await cato.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        var wimView = await wim.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var plannerView = await pia.GetAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var catoReceives = await PostAsync(cato, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "1",
        });
        using var forged = await PostAsync(wim, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "1",
        }, withToken: false);

        Assert.Contains("data-testid=\"action-cancel\"", catoView, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-receive\"", catoView, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"action-receive\"", wimView, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-cancel\"", wimView, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-refund\"", wimView, StringComparison.Ordinal);
        AssertSentToAccessDenied(plannerView);
        AssertSentToAccessDenied(catoReceives);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, (await ReturnAsync(id)).Lines[0].Received);
    }

    [Fact]
    public async Task AnUnknownReturn_IsNotFound()
    {
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        using var response = await cato.GetAsync(new Uri(DetailsPath(Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
