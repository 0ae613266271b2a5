using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Returns;

/// <summary>
/// The returns queue over HTTP on the real host: filters, sorts and pages in the query string over the returns read model, the
/// fixed views, bad filters answered beside their field, the readers' roles, the navigation's link and the search by RMA number.
/// </summary>
public sealed partial class ReturnsQueuePageTests : IDisposable
{
    private const string IndexPath = "/admin/returns";
    private const string Password = "Queue-Passw0rd!";
    private const string Tee = "TEE-CREW-M-BLK";
    private const string Location = "WH-BERLIN";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public ReturnsQueuePageTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<ReturnCommandResult> RequestAsync(Guid orderId, int units = 1)
    {
        var requested = await _factory.SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, units, ReturnReasons.WrongSizeCode)]));
        Assert.True(requested.IsSuccess, string.Join("; ", requested.Errors));
        return requested.Value;
    }

    private async Task StepAsync<TCommand>(TCommand command)
    {
        var done = await _factory.SendAsync<TCommand, ReturnCommandResult>(command);
        Assert.True(done.IsSuccess, string.Join("; ", done.Errors));
    }

    private static string Rows(string page) => string.Join("|", ReturnRow().Matches(page).Select(m => m.Groups["rma"].Value));

    [GeneratedRegex("""data-testid="return-link"[^>]*>(?<rma>[^<]+)<""")]
    private static partial Regex ReturnRow();

    private static string LinkOf(string page, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(Regex.Match(page, $"""<a[^>]*data-testid="{testId}"[^>]*>""").Value, """href="(?<h>[^"]+)""").Groups["h"].Value);

    private static async Task<string> PageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"{IndexPath}{query}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Three returns in three states: a small one authorised at once (received at Berlin), a valuable one waiting for a second person, one in transit.</summary>
    private async Task<(ReturnCommandResult Received, ReturnCommandResult Waiting, ReturnCommandResult InTransit)> ThreeReturnsAsync()
    {
        var small = await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-SMALL").WithLine(Tee, 2));
        var valuable = await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-VALUABLE").WithLine(Tee, 12));
        var travelling = await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-TRAVEL").WithLine(Tee, 1));
        var received = await RequestAsync(small, 2);
        await StepAsync(new ReceiveReturn(received.ReturnId, Actors.Warehouse, Guid.NewGuid(), Location, [new ReturnLineQuantity(1, 2)]));
        _time.Advance(TimeSpan.FromDays(1));
        var waiting = await RequestAsync(valuable, 10);
        _time.Advance(TimeSpan.FromDays(1));
        var inTransit = await RequestAsync(travelling);
        await StepAsync(new MarkReturnInTransit(inTransit.ReturnId, Actors.Warehouse, "JD0146000011111"));
        return (received, waiting, inTransit);
    }

    [Fact]
    public async Task TheQueue_FiltersByStatusApprovalLocationOrderRmaAndRequestedDays_FromTheQueryString_AndLinksEachReturn()
    {
        var (received, waiting, inTransit) = await ThreeReturnsAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        var all = await PageAsync(cato, "");
        var waitingView = await PageAsync(cato, "?status=Requested&needsApproval=true");
        var twoStates = await PageAsync(cato, "?status=Received&status=InTransit&sort=RequestedAt&dir=asc");
        var atBerlin = await PageAsync(cato, $"?location={Location}");
        var byOrder = await PageAsync(cato, "?order=WEB-Q-VALUABLE");
        var byOrderId = await PageAsync(cato, $"?order={inTransit.Return.OrderId}");
        var byRmaPart = await PageAsync(cato, $"?rma={waiting.RmaNumber[^6..].ToLowerInvariant()}");
        var byChannel = await PageAsync(cato, "?channel=web");
        var firstDay = await PageAsync(cato, $"?from={ErpTestHost.Start:yyyy-MM-dd}&to={ErpTestHost.Start:yyyy-MM-dd}");
        var laterDays = await PageAsync(cato, $"?from={ErpTestHost.Start.AddDays(1):yyyy-MM-dd}");

        Assert.Contains("3 returns.", all, StringComparison.Ordinal);
        // Newest requested first by default.
        Assert.Equal($"{inTransit.RmaNumber}|{waiting.RmaNumber}|{received.RmaNumber}", Rows(all));
        Assert.Contains($"href=\"/admin/returns/{waiting.ReturnId}\"", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/orders/details/{waiting.Return.OrderId}\"", all, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"return-value\">[^<]*250[.,]00[^<]*EUR|data-testid=\"return-value\">[^<]*EUR[^<]*250[.,]00", waitingView);
        Assert.Matches("<time datetime=\"2026-03-03T09:00:00[^>]*>2026-03-03 09:00", waitingView);
        Assert.Equal(waiting.RmaNumber, Rows(waitingView));
        Assert.Contains("aria-current=\"page\" data-testid=\"view-Waiting for approval\"", waitingView, StringComparison.Ordinal);
        Assert.Equal($"{received.RmaNumber}|{inTransit.RmaNumber}", Rows(twoStates));
        Assert.Equal(received.RmaNumber, Rows(atBerlin));
        Assert.Equal(waiting.RmaNumber, Rows(byOrder));
        Assert.Equal(inTransit.RmaNumber, Rows(byOrderId));
        Assert.Equal(waiting.RmaNumber, Rows(byRmaPart));
        Assert.Equal(3, Rows(byChannel).Split('|').Length);
        Assert.Equal(received.RmaNumber, Rows(firstDay));
        Assert.Equal($"{inTransit.RmaNumber}|{waiting.RmaNumber}", Rows(laterDays));
    }

    [Fact]
    public async Task TheStaleView_ShowsReturnsLongerThanTwoDaysInAnOpenState_OldestFirst()
    {
        var (received, waiting, inTransit) = await ThreeReturnsAsync();
        var closedOrder = await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-CANCELLED").WithLine(Tee, 1));
        var cancelled = await RequestAsync(closedOrder);
        await StepAsync(new CancelReturn(cancelled.ReturnId, Actors.CustomerService, "Customer kept it."));
        // received: in Received for 4 days; waiting: Requested for 3 days; inTransit: 2 days; the cancelled one is over.
        _time.Advance(TimeSpan.FromDays(2));
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);

        var all = await PageAsync(wim, "");
        var stale = await PageAsync(wim, LinkOf(all, "view-Stale &gt; 2 days")[IndexPath.Length..]);
        var olderThanThree = await PageAsync(wim, "?olderThan=3&sort=Age&dir=asc");

        Assert.Equal($"{received.RmaNumber}|{waiting.RmaNumber}|{inTransit.RmaNumber}", Rows(stale));
        Assert.Contains("aria-current=\"page\" data-testid=\"view-Stale &gt; 2 days\"", stale, StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled.RmaNumber, stale, StringComparison.Ordinal);
        Assert.Contains("(4 d)", stale, StringComparison.Ordinal);
        Assert.Equal($"{waiting.RmaNumber}|{received.RmaNumber}", Rows(olderThanThree));
    }

    [Fact]
    public async Task TheQueue_SortsByRmaAndStatus_AndPagesWithNextAndPreviousLinks()
    {
        var orderId = await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-MANY").WithLine(Tee, IndexPageSize + 2));
        var rmas = new List<string>();
        for (var i = 0; i < IndexPageSize + 2; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            rmas.Add((await RequestAsync(orderId)).RmaNumber);
        }
        var cancelled = await _factory.SendAsync<CancelReturn, ReturnCommandResult>(
            new CancelReturn((await RequestAsyncOfNew()).ReturnId, Actors.CustomerService, "Kept."));
        Assert.True(cancelled.IsSuccess);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);

        var byRma = await PageAsync(olga, "?sort=Rma&dir=asc");
        var next = LinkOf(byRma, "returns-next");
        var second = await PageAsync(olga, next[IndexPath.Length..]);
        var back = await PageAsync(olga, LinkOf(second, "returns-previous")[IndexPath.Length..]);
        var byStatus = await PageAsync(olga, "?sort=Status&dir=desc");

        Assert.Contains($"{IndexPageSize + 3} returns.", byRma, StringComparison.Ordinal);
        Assert.Equal(string.Join("|", rmas.Take(IndexPageSize)), Rows(byRma));
        Assert.Contains("sort=Rma", next, StringComparison.Ordinal);
        Assert.Equal(string.Join("|", rmas.Skip(IndexPageSize).Append(cancelled.Value.RmaNumber)), Rows(second));
        Assert.DoesNotContain("data-testid=\"returns-next\"", second, StringComparison.Ordinal);
        Assert.Equal(Rows(byRma), Rows(back));
        // Cancelled is the workflow's last state: first when sorted by status descending.
        Assert.StartsWith($"{cancelled.Value.RmaNumber}|", Rows(byStatus), StringComparison.Ordinal);

        async Task<ReturnCommandResult> RequestAsyncOfNew() =>
            await RequestAsync(await _factory.ShipAsync(new OrderBuilder().WithExternalId("WEB-Q-LAST").WithLine(Tee, 1)));
    }

    private const int IndexPageSize = Areas.Admin.Pages.Returns.IndexModel.PageSize;

    [Theory]
    [InlineData("?olderThan=-1", "OlderThan", "Enter a whole number of days from 0 to 3650.")]
    [InlineData("?from=2026-03-10&to=2026-03-01", "To", "The last day requested is before the first; choose a later day.")]
    [InlineData("?rma=RMA-2026-000000000000000000000000001", "Rma", "Enter 1 to 32 characters of an RMA number.")]
    [InlineData("?from=1999-12-31", "From", "Choose a day from 2000-01-01 to 2031-03-04.")]
    [InlineData("?order=WEB-NO-SUCH-ORDER", "Order", "No order has that id.")]
    [InlineData("?after=not-a-cursor", "After", "That page link is not one this page made; start again from the first page.")]
    [InlineData("?dir=sideways", "Dir", "The direction is asc or desc.")]
    public async Task ABadFilter_IsSaidBesideItsField_WithTheFilterKept_AndListsNothing(string query, string field, string message)
    {
        await ThreeReturnsAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        var html = await PageAsync(cato, query);

        Assert.Contains("data-testid=\"returns-problem\"", html, StringComparison.Ordinal);
        if (field is not ("After" or "Dir"))
            Assert.Matches($"""data-valmsg-for="{field}"[^>]*>{Regex.Escape(message)}<""", html);
        else
            Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal("", Rows(html));
        if (query.StartsWith("?olderThan", StringComparison.Ordinal))
            Assert.Contains("name=\"olderThan\" value=\"-1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=2026-03-01&to=9999-12-31")]
    [InlineData("?status=Nonsense")]
    [InlineData("?olderThan=abc&needsApproval=maybe&sort=Upside")]
    [InlineData("?from=not-a-day")]
    public async Task AnUnreadableOrBoundlessFilter_IsAPage_NeverAServerError(string query)
    {
        await ThreeReturnsAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        var html = await PageAsync(cato, query);

        // The last day the calendar has leaves the window open: every return is listed; an unreadable value is said above the list.
        if (query.Contains("9999-12-31", StringComparison.Ordinal))
            Assert.Equal(3, Rows(html).Split('|').Length);
        else
            Assert.Contains("data-testid=\"returns-problem\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueue_IsForTheReturnsReaders_AndTheNavigationShowsItToThemOnly()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var financePage = await PageAsync(fay, "");
        using var refused = await pia.GetAsync(new Uri(IndexPath, UriKind.Relative));
        var plannerHome = await pia.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("<h1>Returns</h1>", financePage, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/returns\"", financePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("accessdenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"/admin/returns\"", plannerHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSearch_FindsAReturnByItsRmaNumber_AndListsThoseARmaPrefixMatches()
    {
        var (received, waiting, _) = await ThreeReturnsAsync();
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var exact = await cato.GetAsync(new Uri($"/admin/search?q={waiting.RmaNumber.ToLowerInvariant()}", UriKind.Relative));
        var prefix = await cato.GetStringAsync(new Uri("/admin/search?q=RMA-", UriKind.Relative));
        var planner = await pia.GetStringAsync(new Uri($"/admin/search?q={received.RmaNumber}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal($"/admin/returns/{waiting.ReturnId}", exact.Headers.Location!.OriginalString, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("3 records match", prefix, StringComparison.Ordinal);
        Assert.Contains($"Return {received.RmaNumber}", prefix, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-none\"", planner, StringComparison.Ordinal);
    }
}
