using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.ParkedEvents;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ListPage = EcomErp.Admin.Areas.Admin.Pages.ParkedEvents.IndexModel;

namespace EcomErp.Admin.Tests.ParkedEvents;

/// <summary>
/// The parked-events pages over HTTP on the real host (decision 054): a handler of the automation that throws on the orders the
/// test poisons parks their events for real, the pages list and show them, and Retry and Skip are posted as a browser posts them.
/// </summary>
public sealed partial class ParkedEventsPageTests : IDisposable
{
    private const string ListPath = "/admin/system/parked-events";
    private const string Consumer = "domain-events";

    private readonly PoisonedOrders _fault = new();
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public ParkedEventsPageTests()
    {
        _factory = new(new Dictionary<string, string>(PoisonedOrders.QuickParking) { ["EcomErp:SeedDemoData"] = "true" }, _fault.Register);
        _session = new AdminPageSession(_factory);
    }

    public void Dispose() => _factory.Dispose();

    private static string DetailsPath(Guid id) => $"{ListPath}/{id}";

    /// <summary>Captures a poisoned order, optionally holds it (a later event of the same aggregate), and lets the worker run.</summary>
    private async Task<Guid> PoisonedOrderAsync(string externalId, bool withLaterEvent = false)
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithExternalId(externalId).WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _factory.RunBackgroundWorkAsync();
        if (withLaterEvent)
        {
            var held = await _factory.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(captured.Value.OrderId, Actors.Operations, HoldType.Manual, "Customer asked to wait."));
            Assert.True(held.IsSuccess, string.Join("; ", held.Errors));
            await _factory.RunBackgroundWorkAsync();
        }
        return captured.Value.OrderId;
    }

    private async Task<List<ParkedEvent>> RowsAsync(Guid? orderId = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<ParkedEvent>().AsNoTracking();
        if (orderId is { } id)
            rows = rows.Where(p => p.AggregateId == id.ToString());
        return await rows.OrderBy(p => p.Sequence).ToListAsync();
    }

    private async Task<ParkedEvent> ParkedOfAsync(Guid orderId) => (await RowsAsync(orderId)).Single(p => p.Status == ParkedEventStatus.Parked);

    private async Task<ExceptionCase> CaseAsync(Guid caseId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().ExceptionCases.AsNoTracking().SingleAsync(c => c.Id == new ExceptionCaseId(caseId));
    }

    private static string Sequences(string page) => string.Join("|", ParkedLink().Matches(page).Select(m => m.Groups["sequence"].Value));

    [GeneratedRegex("""data-testid="parked-link"[^>]*>(?<sequence>\d+)<""")]
    private static partial Regex ParkedLink();

    [Fact]
    public async Task List_ShowsEachParkedAndHeldEvent_FiltersByConsumerAndStatusFromTheQueryString()
    {
        var holdsOne = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var other = await PoisonedOrderAsync("POISON-2");
        var parked = await ParkedOfAsync(holdsOne);
        var held = (await RowsAsync(holdsOne)).Where(p => p.Status == ParkedEventStatus.Held).ToList();
        var otherParked = await ParkedOfAsync(other);
        var every = await RowsAsync();
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        var all = await client.GetStringAsync(new Uri(ListPath, UriKind.Relative));
        var heldOnly = await client.GetStringAsync(new Uri($"{ListPath}?status=held", UriKind.Relative));
        var ofConsumer = await client.GetStringAsync(new Uri($"{ListPath}?consumer={Consumer}&status=Parked", UriKind.Relative));
        var otherConsumer = await client.GetStringAsync(new Uri($"{ListPath}?consumer=read-models-nobody", UriKind.Relative));
        using var badStatus = await client.GetAsync(new Uri($"{ListPath}?status=Parked,Held", UriKind.Relative));

        // The capture's other events and the hold's wait behind the parked capture; the other order's own wait behind its own.
        Assert.Contains(every, p => p.Status == ParkedEventStatus.Held && p.AggregateId == other.ToString());
        Assert.NotEmpty(held);
        Assert.Equal(string.Join("|", every.Select(p => p.Sequence)), Sequences(all));
        Assert.Contains($"{every.Count} event(s).", all, StringComparison.Ordinal);
        Assert.Contains($"Handler failed on POISON-1.", all, StringComparison.Ordinal);
        Assert.Contains($"Held behind {parked.Sequence}", all, StringComparison.Ordinal);
        Assert.Contains($"<time datetime=\"{parked.FirstFailedAt:yyyy-MM-ddTHH:mm:ss.fffffff}", all, StringComparison.Ordinal);
        Assert.Equal(string.Join("|", every.Where(p => p.Status == ParkedEventStatus.Held).Select(p => p.Sequence)), Sequences(heldOnly));
        Assert.Equal($"{parked.Sequence}|{otherParked.Sequence}", Sequences(ofConsumer));
        Assert.Equal("", Sequences(otherConsumer));
        Assert.Equal(HttpStatusCode.OK, badStatus.StatusCode);
        var refused = await badStatus.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Status\"[^>]*>Choose a status from the list", refused);
        Assert.Equal("", Sequences(refused));
    }

    [Fact]
    public async Task List_PagesByKeyset_InOutboxOrder()
    {
        for (var i = 1; i <= ListPage.PageSize + 1; i++)
        {
            var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithExternalId($"POISON-P{i}").WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
            Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        }
        await _factory.RunBackgroundWorkAsync();
        var rows = (await RowsAsync()).Where(p => p.Status == ParkedEventStatus.Parked).ToList();
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        var first = await client.GetStringAsync(new Uri($"{ListPath}?status=Parked", UriKind.Relative));
        var next = NextHref().Match(first);
        Assert.True(next.Success, "the first page links to the next");
        var second = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(next.Groups["href"].Value), UriKind.Relative));
        var badCursor = await client.GetStringAsync(new Uri($"{ListPath}?status=Parked&after=not-a-cursor", UriKind.Relative));

        Assert.Equal(ListPage.PageSize + 1, rows.Count);
        Assert.Equal(string.Join("|", rows.Take(ListPage.PageSize).Select(r => r.Sequence)), Sequences(first));
        Assert.Contains("status=Parked", next.Groups["href"].Value, StringComparison.Ordinal);
        Assert.Equal($"{rows[^1].Sequence}", Sequences(second));
        Assert.DoesNotMatch(NextHref(), second);
        Assert.Equal(Sequences(first), Sequences(badCursor));
    }

    [GeneratedRegex("""<a (?=[^>]*data-testid="next-page")[^>]*href="(?<href>[^"]+)""")]
    private static partial Regex NextHref();

    [Fact]
    public async Task Details_ShowsTheWholeErrorAndTheEventsHeldBehindIt_AndTheCasePageLinksToIt()
    {
        var order = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var parked = await ParkedOfAsync(order);
        var heldRows = (await RowsAsync(order)).Where(p => p.Status == ParkedEventStatus.Held).ToList();
        var held = heldRows[0];
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        var page = await client.GetStringAsync(new Uri(DetailsPath(parked.Id), UriKind.Relative));
        var heldPage = await client.GetStringAsync(new Uri(DetailsPath(held.Id), UriKind.Relative));
        var casePage = await client.GetStringAsync(new Uri($"/admin/exceptions/case/{parked.ExceptionCaseId}", UriKind.Relative));
        var linked = CaseLink().Match(casePage);
        Assert.True(linked.Success, "the INTEGRATION_FAILURE case links to its parked event");
        var fromCase = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(linked.Groups["href"].Value), UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri(DetailsPath(Guid.NewGuid()), UriKind.Relative));

        Assert.Matches("data-testid=\"parked-error\">Handler failed on POISON-1.<", page);
        Assert.Contains("System.InvalidOperationException", page, StringComparison.Ordinal);
        Assert.Contains(">Parked<", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"held-count\">{heldRows.Count} event(s)", page, StringComparison.Ordinal);
        Assert.Equal(heldRows.Count, HeldRow().Count(page));
        Assert.Contains($"{DetailsPath(held.Id)}\">{held.Sequence}<", page, StringComparison.Ordinal);
        Assert.Contains($"/admin/exceptions/case/{parked.ExceptionCaseId}", page, StringComparison.Ordinal);
        Assert.Contains("data-confirm=", page, StringComparison.Ordinal);
        Assert.Contains(">Held<", heldPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Retry", heldPage, StringComparison.Ordinal);
        Assert.Equal($"{parked.Sequence}", Sequences(fromCase));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [GeneratedRegex("data-testid=\"held-row\"")]
    private static partial Regex HeldRow();

    [GeneratedRegex("""<a (?=[^>]*data-testid="parked-event-link")[^>]*href="(?<href>[^"]+)""")]
    private static partial Regex CaseLink();

    [Fact]
    public async Task Retry_AfterTheFaultIsFixed_DeliversTheEventAndTheOnesHeldBehindIt_ClosesTheCase_AndRedirectsWithAStatus()
    {
        var order = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var parked = await ParkedOfAsync(order);
        var heldCount = (await RowsAsync(order)).Count(p => p.Status == ParkedEventStatus.Held);
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        _fault.Failing = false;

        using var posted = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Retry", []);
        var after = await client.GetStringAsync(_session.Resolve(posted));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(DetailsPath(parked.Id), _session.Resolve(posted).AbsolutePath);
        Assert.Contains($"Event {parked.Sequence} delivered for {Consumer}; {heldCount} held event(s) delivered after it.", after, StringComparison.Ordinal);
        Assert.All(await RowsAsync(order), row => Assert.Equal(ParkedEventStatus.Delivered, row.Status));
        Assert.Equal(ExceptionCaseStatus.Resolved, (await CaseAsync(parked.ExceptionCaseId!.Value)).Status);
    }

    [Fact]
    public async Task Retry_ThatFailsAgain_IsRefusedAboveTheForms_CountsTheAttempt_AndReleasesNothing()
    {
        var order = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var parked = await ParkedOfAsync(order);
        var before = await RowsAsync(order);
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        using var posted = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Retry", []);
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"failed again (System.InvalidOperationException: Handler failed on POISON-1.); it stays parked.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PARKED_EVENT_STILL_FAILING", page, StringComparison.Ordinal);
        var rows = await RowsAsync(order);
        Assert.Equal(before.Select(r => r.Status), rows.Select(r => r.Status));
        Assert.True(rows[0].Attempts > parked.Attempts);
        Assert.Contains($"data-testid=\"parked-attempts\">{rows[0].Attempts}<", page, StringComparison.Ordinal);
        Assert.Equal(ExceptionCaseStatus.Open, (await CaseAsync(parked.ExceptionCaseId!.Value)).Status);
    }

    [Fact]
    public async Task Skip_WithoutAReason_OrWithOneTooLong_ShowsTheErrorBesideTheReason_KeepsIt_AndChangesNothing()
    {
        var order = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var parked = await ParkedOfAsync(order);
        var before = await RowsAsync(order);
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        var tooLong = "Deleted SKU " + new string('x', ExceptionCaseErrors.NoteMaxLength);

        using var blank = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Skip", new() { ["Input.Reason"] = "   " });
        using var overlong = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Skip", new() { ["Input.Reason"] = tooLong });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (blank.StatusCode, overlong.StatusCode));
        Assert.Matches("data-valmsg-for=\"Input.Reason\"[^>]*>Say why the event is skipped", await blank.Content.ReadAsStringAsync());
        var overlongPage = await overlong.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.Reason\"[^>]*>Say why the event is skipped", overlongPage);
        Assert.Contains($">\n{tooLong}</textarea>", overlongPage.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before.Select(r => (r.Status, r.Attempts)), (await RowsAsync(order)).Select(r => (r.Status, r.Attempts)));
        Assert.Equal(ExceptionCaseStatus.Open, (await CaseAsync(parked.ExceptionCaseId!.Value)).Status);
    }

    [Fact]
    public async Task Skip_WithAReason_NeverDeliversTheEvent_ReleasesTheOnesHeldBehindIt_AndClosesTheCaseWithTheReason()
    {
        var order = await PoisonedOrderAsync("POISON-1", withLaterEvent: true);
        var parked = await ParkedOfAsync(order);
        var heldCount = (await RowsAsync(order)).Count(p => p.Status == ParkedEventStatus.Held);
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        _fault.Failing = false;

        using var posted = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Skip", new() { ["Input.Reason"] = "The order was re-keyed by hand." });
        var after = await client.GetStringAsync(_session.Resolve(posted));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains($"Event {parked.Sequence} skipped for {Consumer}; {heldCount} held event(s) delivered after it.", after, StringComparison.Ordinal);
        Assert.Equal((ParkedEventStatus[])[ParkedEventStatus.Skipped, .. Enumerable.Repeat(ParkedEventStatus.Delivered, heldCount)], (await RowsAsync(order)).Select(r => r.Status));
        var closed = await CaseAsync(parked.ExceptionCaseId!.Value);
        Assert.Equal(ExceptionCaseStatus.Resolved, closed.Status);
        Assert.Contains("Reason: The order was re-keyed by hand.", closed.ResolutionNote, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Skip", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithoutTheAdminRole_IsDeniedTheListTheEventAndItsSteps()
    {
        await PoisonedOrderAsync("POISON-1");
        var parked = Assert.Single(await RowsAsync(), p => p.Status == ParkedEventStatus.Parked);
        using var admin = await _session.SignedInAsFirstAdministratorAsync();
        using var client = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager, Roles.Planner);

        using var list = await client.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var details = await client.GetAsync(new Uri(DetailsPath(parked.Id), UriKind.Relative));
        // With a valid token of the person's own session (from a page they may see): the role refuses the step, not the token.
        using var skip = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), "Skip", new() { ["Input.Reason"] = "Not mine." }, tokenFrom: "/admin");
        var navigation = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var adminNavigation = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (list.StatusCode, details.StatusCode));
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(list).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(details).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, skip.StatusCode);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(skip).AbsolutePath);
        Assert.DoesNotContain(ListPath, navigation, StringComparison.Ordinal);
        Assert.Contains(ListPath, adminNavigation, StringComparison.Ordinal);
        Assert.Equal(ParkedEventStatus.Parked, (await ParkedOfAsync(Guid.Parse(parked.AggregateId))).Status);
    }

    [Theory]
    [InlineData("Retry")]
    [InlineData("Skip")]
    public async Task PostWithoutAnAntiforgeryToken_IsRejected_AndChangesNothing(string handler)
    {
        var order = await PoisonedOrderAsync("POISON-1");
        var parked = await ParkedOfAsync(order);
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        _fault.Failing = false;

        using var posted = await AdminPageSession.PostAsync(client, DetailsPath(parked.Id), handler, new() { ["Input.Reason"] = "Forged." }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(ParkedEventStatus.Parked, (await ParkedOfAsync(order)).Status);
    }
}
