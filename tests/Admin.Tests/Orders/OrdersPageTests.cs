using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Orders;

/// <summary>The orders index and the order page over HTTP on the real host: filters in the query string, and each workflow step posted as a browser posts it.</summary>
public sealed partial class OrdersPageTests : IDisposable
{
    private const string IndexPath = "/admin/orders";
    private const string Password = "Orders-Passw0rd!";
    private const string OpsEmail = "ops@ecomerp.local";
    private const string WarehouseEmail = "warehouse@ecomerp.local";
    private const string ExecutiveEmail = "executive@ecomerp.local";
    private const string PlannerEmail = "planner@ecomerp.local";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public OrdersPageTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    private static string DetailsPath(Guid id) => $"{IndexPath}/details/{id}";

    private async Task<Guid> CaptureAsync(OrderBuilder order)
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(order.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        return captured.Value.OrderId;
    }

    private async Task<OrderView> OrderAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetOrder, OrderView?>>().HandleAsync(new GetOrder(id), CancellationToken.None);
        return order.Value ?? throw new InvalidOperationException($"No order {id}.");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, bool withToken = true)
    {
        if (!fields.ContainsKey("Input.Version"))
            fields["Input.Version"] = await VersionShownAsync(client, path);
        return await AdminPageSession.PostAsync(client, path, handler, fields, withToken);
    }

    private static async Task<string> VersionShownAsync(HttpClient client, string path) =>
        VersionInput().Match(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Groups["v"].Value;

    [GeneratedRegex("""name="Input.Version" value="(?<v>\d+)" """)]
    private static partial Regex VersionInput();

    private static string Rows(string page) => string.Join("|", OrderRow().Matches(page).Select(m => m.Groups["id"].Value));

    [GeneratedRegex("""data-testid="order-link"[^>]*>(?<id>[^<]+)<""")]
    private static partial Regex OrderRow();

    [Fact]
    public async Task Index_FiltersByExternalIdStatusAndHold_FromTheQueryString_AndEachRowLinksToItsOrder()
    {
        var plain = await CaptureAsync(new OrderBuilder().WithExternalId("WEB-PLAIN-1").WithLine("TEE-CREW-M-BLK", 2));
        var held = await CaptureAsync(new OrderBuilder().WithExternalId("WEB-HELD-1").WithLine("TEE-CREW-M-BLK", 1));
        Assert.True((await _factory.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(held, Actors.Operations, HoldType.Manual, "Customer asked to wait."))).IsSuccess);
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        var byExternalId = await client.GetStringAsync(new Uri($"{IndexPath}?externalId=WEB-HELD-1", UriKind.Relative));
        var byHold = await client.GetStringAsync(new Uri($"{IndexPath}?hold=Manual", UriKind.Relative));
        var heldView = await client.GetStringAsync(new Uri($"{IndexPath}?held=true", UriKind.Relative));
        var allocated = await client.GetStringAsync(new Uri($"{IndexPath}?status=Allocated&held=false", UriKind.Relative));

        Assert.Equal("WEB-HELD-1", Rows(byExternalId));
        Assert.Contains($"href=\"{DetailsPath(held)}\"", byExternalId, StringComparison.Ordinal);
        Assert.Equal("WEB-HELD-1", Rows(byHold));
        Assert.Equal("WEB-HELD-1", Rows(heldView));
        Assert.Equal("WEB-PLAIN-1", Rows(allocated));
        Assert.Equal(OrderStatus.Allocated, (await OrderAsync(plain)).Status);
    }

    [Fact]
    public async Task Index_SortsByShipByAndPriority_AndPagesWithNextAndPreviousLinks()
    {
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-LOW").WithPriority(OrderPriority.Low).WithLine("TEE-CREW-M-BLK", 1));
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-URGENT").WithPriority(OrderPriority.Urgent).WithLine("TEE-CREW-M-BLK", 1));
        for (var i = 0; i < IndexModelPageSize; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await CaptureAsync(new OrderBuilder().WithExternalId($"WEB-PAGE-{i:00}").WithPriority(OrderPriority.Normal).WithLine("TEE-CREW-M-BLK", 1));
        }
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        var byPriority = await client.GetStringAsync(new Uri($"{IndexPath}?sort=Priority&dir=desc", UriKind.Relative));
        var byShipBy = await client.GetStringAsync(new Uri($"{IndexPath}?sort=ShipBy&dir=asc", UriKind.Relative));
        var next = LinkOf(byShipBy, "orders-next");
        var second = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(next), UriKind.Relative));
        var previous = LinkOf(second, "orders-previous");
        var back = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(previous), UriKind.Relative));

        Assert.StartsWith("WEB-URGENT|", Rows(byPriority), StringComparison.Ordinal);
        // Low comes last of the 27, so not on the first page of 25.
        Assert.DoesNotContain("WEB-LOW", Rows(byPriority), StringComparison.Ordinal);
        Assert.Contains("27 orders.", byShipBy, StringComparison.Ordinal);
        Assert.Equal(IndexModelPageSize, Rows(byShipBy).Split('|').Length);
        Assert.Contains("sort=ShipBy", next, StringComparison.Ordinal);
        Assert.Equal(2, Rows(second).Split('|').Length);
        Assert.Equal("WEB-PAGE-24", Rows(second).Split('|')[^1]);
        Assert.Equal(Rows(byShipBy), Rows(back));
    }

    private static string LinkOf(string page, string testId) =>
        Regex.Match(Regex.Match(page, $"""<a[^>]*data-testid="{testId}"[^>]*>""").Value, """href="(?<href>[^"]+)" """.TrimEnd()).Groups["href"].Value;

    private const int IndexModelPageSize = Areas.Admin.Pages.Orders.IndexModel.PageSize;

    [Fact]
    public async Task Index_WithACapturedRangeThatEndsBeforeItStarts_OrAnUnknownStatus_SaysWhy_AndListsNothing()
    {
        await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        using var range = await client.GetAsync(new Uri($"{IndexPath}?from=2026-03-05&to=2026-03-01", UriKind.Relative));
        using var status = await client.GetAsync(new Uri($"{IndexPath}?status=Lost", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, range.StatusCode);
        var rangeHtml = await range.Content.ReadAsStringAsync();
        Assert.Contains("The last day requested is before the first; choose a later day.", rangeHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-05\"", rangeHtml, StringComparison.Ordinal);
        Assert.Empty(Rows(rangeHtml));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("Lost", WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(Rows(await status.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task OverdueView_ListsOrdersPastTheirShipBy_Only()
    {
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-EARLY").WithLine("TEE-CREW-M-BLK", 1));
        _time.Advance(TimeSpan.FromHours(47));
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-LATER").WithLine("TEE-CREW-M-BLK", 1));
        _time.Advance(TimeSpan.FromHours(2));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        var overdue = await client.GetStringAsync(new Uri($"{IndexPath}?overdue=true", UriKind.Relative));

        Assert.Equal("WEB-EARLY", Rows(overdue));
        Assert.Contains("class=\"overdue\"", overdue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderPage_ShowsLinesHoldsTheBlockerNamingTheHold_AndItsOpenCase_ToTheRoleThatOwnsIt()
    {
        var id = await CaptureAsync(new OrderBuilder().WithExternalId("WEB-BIG-1").WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        using var finance = await _session.SignedInAsync("finance@ecomerp.local", Roles.Finance);
        using var ops = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        var page = WebUtility.HtmlDecode(await finance.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative)));
        var opsPage = await ops.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));

        Assert.Contains("Order WEB-BIG-1", page, StringComparison.Ordinal);
        Assert.Contains("JACKET-DENIM-M-BLK", page, StringComparison.Ordinal);
        Assert.Contains("2580.00 EUR", page, StringComparison.Ordinal);
        Assert.Matches("""data-testid="blocker">[^<]*HighValueApproval""", page);
        Assert.Matches("""<a[^>]*data-testid="order-case"[^>]*>HighValueApproval case""", page);
        Assert.Matches("""<a[^>]*href="/admin/exceptions/case/[0-9a-f-]+"[^>]*>HighValueApproval case""", page);
        Assert.Contains("data-testid=\"recent-changes\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"release-hold\"", page, StringComparison.Ordinal);
        // Operations neither owns a high-value hold nor sees the finance queue's case, and nothing is released while it is held.
        Assert.Matches("""data-testid="blocker">[^<]*HighValueApproval""", opsPage);
        Assert.DoesNotContain("data-testid=\"order-case\"", opsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"release-hold\"", opsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-release\"", opsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderPage_OfAnAllocatedOrder_ShowsWhereEachLineIsAllocated()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 3));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        var page = await client.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));

        Assert.Matches("""data-testid="allocation">3 at WH-[A-Z]+ \(shipment 1\)""", page);
        Assert.Contains("data-testid=\"action-release\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacingAHold_RedirectsToTheOrder_WhichIsThenHeld_AndReleasingIt_LetsTheOrderMoveOn()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        var path = DetailsPath(id);

        using var placed = await PostAsync(client, path, "PlaceHold", new() { ["Input.HoldType"] = nameof(HoldType.Manual), ["Input.HoldReason"] = "Customer asked to wait." });
        await _factory.RunBackgroundWorkAsync();
        var held = await OrderAsync(id);
        var heldPage = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var hold = Assert.Single(held.Holds);
        using var released = await PostAsync(client, path, "ReleaseHold", new() { ["Input.HoldId"] = hold.Id.ToString(), ["Input.Resolution"] = "Customer is back." });
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal(path, placed.Headers.Location?.OriginalString);
        Assert.True(held.IsOnHold);
        Assert.Contains("The order is on hold.", heldPage, StringComparison.Ordinal);
        Assert.Matches("""data-testid="blocker">[^<]*Manual""", heldPage);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        var after = await OrderAsync(id);
        Assert.False(after.IsOnHold);
        Assert.Equal("Customer is back.", after.Holds[0].Resolution);
    }

    [Fact]
    public async Task AHoldWithoutAReason_OrWithoutAType_ComesBackWithTheMessageBesideTheField_KeepsTheInput_AndChangesNothing()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        var path = DetailsPath(id);

        using var noReason = await PostAsync(client, path, "PlaceHold", new() { ["Input.HoldType"] = nameof(HoldType.FraudReview), ["Input.HoldReason"] = "  " });
        using var noType = await PostAsync(client, path, "PlaceHold", new() { ["Input.HoldReason"] = "Call the customer first." });

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.HoldReason"[^>]*>A reason of 1 to 500 characters is required.<""", noReasonHtml);
        Assert.Matches("""<option selected="selected" value="0">FraudReview</option>|<option value="0" selected="selected">FraudReview</option>""", noReasonHtml);
        Assert.DoesNotMatch("""data-valmsg-for="Input.HoldReason"[^>]*>[^<]*\(ORDER_""", noReasonHtml);
        var noTypeHtml = await noType.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.HoldType"[^>]*>Choose the type of hold.<""", noTypeHtml);
        Assert.Contains("value=\"Call the customer first.\"", noTypeHtml, StringComparison.Ordinal);
        Assert.Empty((await OrderAsync(id)).Holds);
    }

    [Fact]
    public async Task Cancelling_AsksForConfirmation_ThenCancelsWithTheReason()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        var path = DetailsPath(id);

        using var unconfirmed = await PostAsync(client, path, "Cancel", new() { ["Input.CancelReason"] = "Customer changed their mind." });
        var stillOpen = await OrderAsync(id);
        using var confirmed = await PostAsync(client, path, "Cancel", new() { ["Input.CancelReason"] = "Customer changed their mind.", ["Input.ConfirmCancel"] = "true" });
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.ConfirmCancel"[^>]*>Tick the box to confirm""", unconfirmedHtml);
        Assert.Contains("value=\"Customer changed their mind.\"", unconfirmedHtml, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Allocated, stillOpen.Status);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var cancelled = await OrderAsync(id);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("Customer changed their mind.", cancelled.CancellationReason);
    }

    [Fact]
    public async Task AWarehouseUser_PicksPacksAndShips_ThroughTheOrderPage_AndAShipmentWithoutACarrier_IsRefusedBesideTheField()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2));
        using var ops = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        using var warehouse = await _session.SignedInAsync(WarehouseEmail, Roles.WarehouseManager);
        var path = DetailsPath(id);

        using var released = await PostAsync(ops, path, "Release", []);
        await _factory.RunBackgroundWorkAsync();
        var warehouseView = await warehouse.GetStringAsync(new Uri(path, UriKind.Relative));
        using var started = await PostAsync(warehouse, path, "StartPicking", []);
        await _factory.RunBackgroundWorkAsync();
        using var picked = await PostAsync(warehouse, path, "ConfirmPick", []);
        await _factory.RunBackgroundWorkAsync();
        using var packed = await PostAsync(warehouse, path, "ConfirmPack", new() { ["Input.PackageCount"] = "1" });
        await _factory.RunBackgroundWorkAsync();
        using var noCarrier = await PostAsync(warehouse, path, "ConfirmShipment", new() { ["Input.Carrier"] = "", ["Input.TrackingNumber"] = "JD0001" });
        var stillPacked = await OrderAsync(id);
        using var shipped = await PostAsync(warehouse, path, "ConfirmShipment", new() { ["Input.Carrier"] = "DHL", ["Input.TrackingNumber"] = "JD0001" });
        await _factory.RunBackgroundWorkAsync();

        Assert.All(new[] { released, started, picked, packed, shipped }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Contains("data-testid=\"action-start-picking\"", warehouseView, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-cancel\"", warehouseView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noCarrier.StatusCode);
        var noCarrierHtml = await noCarrier.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.Carrier"[^>]*>[^<]+<""", noCarrierHtml);
        Assert.Contains("value=\"JD0001\"", noCarrierHtml, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Packed, stillPacked.Status);
        var after = await OrderAsync(id);
        Assert.True(after.Status is OrderStatus.Shipped or OrderStatus.Invoiced, $"{after.Status}");
        Assert.Equal("JD0001", after.TrackingNumber);
    }

    [Fact]
    public async Task AShortPick_IsRecordedForTheLine_AndAMissingQuantityOfNought_IsRefusedBesideTheField()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 3));
        using var ops = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        using var warehouse = await _session.SignedInAsync(WarehouseEmail, Roles.WarehouseManager);
        var path = DetailsPath(id);
        await PostAsync(ops, path, "Release", []);
        await _factory.RunBackgroundWorkAsync();
        await PostAsync(warehouse, path, "StartPicking", []);
        await _factory.RunBackgroundWorkAsync();

        using var nought = await PostAsync(warehouse, path, "ReportShortPick", new() { ["Input.LineNumber"] = "1", ["Input.MissingQuantity"] = "0" });
        using var one = await PostAsync(warehouse, path, "ReportShortPick", new() { ["Input.LineNumber"] = "1", ["Input.MissingQuantity"] = "1" });
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal(HttpStatusCode.OK, nought.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.MissingQuantity"[^>]*>A short pick is 1 to""", await nought.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Contains((await OrderAsync(id)).Timeline, t => t.Action == TimelineAction.ShortPicked);
    }

    [Fact]
    public async Task AStepPostedOnAVersionSomeoneElseChanged_IsAConflict_ReadableAndNothingChanges()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);
        var path = DetailsPath(id);
        var seen = await VersionShownAsync(client, path);
        await _factory.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(id, Actors.CustomerService, HoldType.Manual, "Customer called."));

        using var stale = await PostAsync(client, path, "Release", new() { ["Input.Version"] = seen });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this order while you were looking at it.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Allocated, (await OrderAsync(id)).Status);
    }

    [Fact]
    public async Task APersonWhoDoesNotWorkOrders_IsSentToAccessDenied_AndAReaderCannotTakeAStep()
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var planner = await _session.SignedInAsync(PlannerEmail, Roles.Planner);
        using var executive = await _session.SignedInAsync(ExecutiveEmail, Roles.Executive);

        using var index = await planner.GetAsync(new Uri(IndexPath, UriKind.Relative));
        using var details = await planner.GetAsync(new Uri(DetailsPath(id), UriKind.Relative));
        var executiveView = await executive.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var release = await PostAsync(executive, DetailsPath(id), "Release", []);
        using var hold = await PostAsync(executive, DetailsPath(id), "PlaceHold", new() { ["Input.HoldType"] = nameof(HoldType.Manual), ["Input.HoldReason"] = "No." });

        Assert.Equal(HttpStatusCode.Redirect, index.StatusCode);
        Assert.Contains("accessdenied", index.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, details.StatusCode);
        Assert.DoesNotContain("data-testid=\"order-actions\"", executiveView, StringComparison.Ordinal);
        Assert.All(new[] { release, hold }, refused =>
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("accessdenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        });
        var order = await OrderAsync(id);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Empty(order.Holds);
    }

    [Theory]
    [InlineData("Release")]
    [InlineData("Cancel")]
    [InlineData("PlaceHold")]
    public async Task AStepPostedWithoutAnAntiforgeryToken_IsRejected_AndChangesNothing(string handler)
    {
        var id = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1));
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        using var forged = await PostAsync(client, DetailsPath(id), handler, new()
        {
            ["Input.CancelReason"] = "forged", ["Input.ConfirmCancel"] = "true", ["Input.HoldType"] = nameof(HoldType.Manual), ["Input.HoldReason"] = "forged",
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var order = await OrderAsync(id);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Empty(order.Holds);
    }

    [Fact]
    public async Task AnUnknownOrder_IsNotFound()
    {
        using var client = await _session.SignedInAsync(OpsEmail, Roles.OperationsManager);

        using var response = await client.GetAsync(new Uri(DetailsPath(Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
