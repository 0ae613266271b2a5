using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>The exception workbench over HTTP on the real host: who sees which queue, the SLA clock, and decisions posted as a browser posts them.</summary>
public sealed partial class ExceptionWorkbenchPageTests : IDisposable
{
    private const string IndexPath = "/admin/exceptions";
    private const string Password = "Workbench-Passw0rd!";
    private const string FinanceEmail = "finance@ecomerp.local";
    private const string SecondFinanceEmail = "finance2@ecomerp.local";
    private const string ExecutiveEmail = "executive@ecomerp.local";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public ExceptionWorkbenchPageTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Guid> CaptureAsync(OrderBuilder order)
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(order.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        return captured.Value.OrderId;
    }

    private Task<Guid> HighValueOrderAsync() => CaptureAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));

    private Task<Guid> FraudOrderAsync() => CaptureAsync(new OrderBuilder()
        .WithCustomer("quick.buyer@mailinator.com", "Quick Buyer")
        .ShippingTo("Someone Else", "Hauptstraße 9", "Köln", "50667", "DE")
        .WithServiceLevel(ServiceLevel.NextDay)
        .WithLine("HOODIE-ZIP-M-BLK", 12, 79m));

    private async Task<Guid> CaseOfOrderAsync(Guid orderId, ExceptionType type)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IQueryHandler<ListExceptionCases, ExceptionCasePage>>()
            .HandleAsync(new ListExceptionCases(new ExceptionCaseListRequest(new ExceptionCaseFilter(Types: [type]), ExceptionCaseSortField.DueAt, false, 50)), CancellationToken.None);
        return page.Value.Items.Single(c => c.SubjectId == orderId).Id;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, bool withToken = true) =>
        AdminPageSession.PostAsync(client, path, handler, fields, withToken);

    private static async Task<int> VersionShownAsync(HttpClient client, string path) =>
        int.Parse(VersionInput().Match(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string QueueRow(string page, ExceptionType type) =>
        Regex.Match(page, $"""data-testid="queue-{type}">.*?</tr>""", RegexOptions.Singleline).Value;

    [Fact]
    public async Task FinanceUser_SeesOnlyTheQueuesFinanceOwns_WithTheirOpenCounts_InThePageAndTheNavigation()
    {
        await HighValueOrderAsync();
        await FraudOrderAsync();
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);

        var page = await client.GetStringAsync(new Uri(IndexPath, UriKind.Relative));

        Assert.Contains(">1<", QueueRow(page, ExceptionType.HighValueApproval), StringComparison.Ordinal);
        Assert.NotEmpty(QueueRow(page, ExceptionType.CreditCheck));
        Assert.Empty(QueueRow(page, ExceptionType.FraudReview));
        Assert.Empty(QueueRow(page, ExceptionType.AddressValidation));
        Assert.Matches("""data-testid="nav-open-count"[^>]*>1<""", page);
        using var counts = JsonDocument.Parse(await client.GetStringAsync(new Uri(IndexPath + "/counts", UriKind.Relative)));
        Assert.Equal(1, counts.RootElement.GetProperty("open").GetInt32());
        Assert.Equal(0, counts.RootElement.GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task AQueueTheUserDoesNotOwn_AndItsCases_DoNotExistForThem()
    {
        var fraudCase = await CaseOfOrderAsync(await FraudOrderAsync(), ExceptionType.FraudReview);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);

        using var queue = await client.GetAsync(new Uri(IndexPath + "/queue/fraudreview", UriKind.Relative));
        using var exceptionCase = await client.GetAsync(new Uri($"{IndexPath}/case/{fraudCase}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, queue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, exceptionCase.StatusCode);
    }

    [Fact]
    public async Task Executive_SeesEveryQueueAndTheCase_ButNoActionForm()
    {
        var orderId = await HighValueOrderAsync();
        var caseId = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(ExecutiveEmail, Roles.Executive);

        var index = await client.GetStringAsync(new Uri(IndexPath, UriKind.Relative));
        var queue = await client.GetStringAsync(new Uri(IndexPath + "/queue/highvalueapproval", UriKind.Relative));
        var casePage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));

        foreach (var type in Enum.GetValues<ExceptionType>())
            Assert.NotEmpty(QueueRow(index, type));
        // The page's own forms, not the layout's sign-out: none for a reader.
        Assert.DoesNotContain("method=\"post\"", PageBody(queue), StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", PageBody(casePage), StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"checkbox\"", PageBody(queue), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Open<", casePage, StringComparison.Ordinal);
    }

    private static string PageBody(string page) => page[page.IndexOf("<main", StringComparison.Ordinal)..];

    [Fact]
    public async Task Finance_ApprovesAHighValueCase_WithAntiforgery_ThePageRedirects_AndTheCaseIsResolved_AndTheOrderMovesOn()
    {
        var orderId = await HighValueOrderAsync();
        var caseId = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        var path = $"{IndexPath}/case/{caseId}";
        var before = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        using var approved = await PostAsync(client, path, "Approve", new()
        {
            ["Input.ApproveNote"] = "Known customer, paid by invoice.", ["Input.Version"] = (await VersionShownAsync(client, path)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _factory.RunBackgroundWorkAsync();
        var after = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("data-testid=\"order-value\">2580.00 EUR<", before, StringComparison.Ordinal);
        Assert.Contains("JACKET-DENIM-M-BLK", before, StringComparison.Ordinal);
        Assert.Contains("Invalidenstraße 1", WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(path, approved.Headers.Location?.OriginalString);
        Assert.Contains("The case is approved", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Resolved (Approved)<", after, StringComparison.Ordinal);
        Assert.DoesNotMatch("""data-testid="order-status">Validated<""", after);
        Assert.DoesNotContain("Approval note", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalWithoutANote_OrWithATooLongOne_ShowsTheErrorBesideTheField_KeepsTheInput_AndChangesNothing()
    {
        var caseId = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        var path = $"{IndexPath}/case/{caseId}";
        var version = (await VersionShownAsync(client, path)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tooLong = new string('x', ExceptionCaseErrors.NoteMaxLength + 1);

        using var empty = await PostAsync(client, path, "Approve", new() { ["Input.ApproveNote"] = "", ["Input.Version"] = version });
        using var longNote = await PostAsync(client, path, "Dismiss", new() { ["Input.DismissNote"] = tooLong, ["Input.Version"] = version });
        var after = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.ApproveNote"[^>]*>A note of 1 to 500 characters is required.<""", emptyHtml);
        Assert.DoesNotContain("EXCEPTION_CASE_NOTE_REQUIRED", emptyHtml, StringComparison.Ordinal);
        var longHtml = await longNote.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.DismissNote"[^>]*>A note of 1 to 500 characters is required.<""", longHtml);
        Assert.Contains($"value=\"{tooLong}\"", longHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Open<", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("Reject")]
    [InlineData("Assign")]
    [InlineData("Dismiss")]
    public async Task ADecisionPostedWithoutAnAntiforgeryToken_IsRejected_AndChangesNothing(string handler)
    {
        var caseId = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        var path = $"{IndexPath}/case/{caseId}";

        using var forged = await PostAsync(client, path, handler, new()
        {
            ["Input.ApproveNote"] = "forged", ["Input.RejectReason"] = "forged", ["Input.DismissNote"] = "forged", ["Input.Version"] = "1",
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("data-testid=\"case-status\">Open<", await client.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoeverPlacedTheHold_CannotApproveItsCase_ThePageSaysWhy_AndASecondPersonCan()
    {
        await _factory.CreateUserAsync(SecondFinanceEmail, Password, Roles.Finance);
        using var placer = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        var orderId = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2));
        var held = await _factory.SendAsync<PlaceHold, OrderCommandResult>(
            new PlaceHold(orderId, await _factory.ActorOfAsync(FinanceEmail, Roles.Finance), HoldType.HighValueApproval, "Unusual for this customer."));
        Assert.True(held.IsSuccess, string.Join("; ", held.Errors));
        var path = $"{IndexPath}/case/{await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval)}";
        var version = (await VersionShownAsync(placer, path)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var own = await PostAsync(placer, path, "Approve", new() { ["Input.ApproveNote"] = "Looks fine to me.", ["Input.Version"] = version });
        using var second = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(second, SecondFinanceEmail, Password);
        using var other = await PostAsync(second, path, "Approve", new() { ["Input.ApproveNote"] = "Checked with the customer.", ["Input.Version"] = version });

        var ownHtml = await own.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("You raised this case or placed its hold: a second person must decide it (four eyes).<", ownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCEPTION_CASE_SELF_APPROVAL", ownHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Looks fine to me.\"", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task AnOverdueCase_ShowsAsOverdue_WithHowLongSince_AndCountsInTheOverdueColumn()
    {
        var caseId = await CaseOfOrderAsync(await FraudOrderAsync(), ExceptionType.FraudReview);
        _time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(35));
        using var client = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);

        var queue = await client.GetStringAsync(new Uri(IndexPath + "/queue/fraudreview", UriKind.Relative));
        var index = await client.GetStringAsync(new Uri(IndexPath, UriKind.Relative));
        var casePage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));

        Assert.Matches("""<tr class="overdue" data-testid="case-row">""", queue);
        Assert.Matches("""data-testid="sla">\s*<strong class="badge overdue">Overdue</strong>\s*overdue by 35 min""", queue);
        Assert.Matches("""data-testid="overdue-count" class="overdue">1<""", QueueRow(index, ExceptionType.FraudReview));
        Assert.Contains("overdue by 35 min", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeItsDueTime_ACaseShowsTheTimeLeft()
    {
        var caseId = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        _time.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(50));
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);

        var casePage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));

        Assert.Contains("due in 2 h 10 min", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("badge overdue", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkAssign_GivesTheCheckedCasesToThePerson_AndWithoutAnAssigneeKeepsTheChoiceAndSaysWhy()
    {
        var first = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        var second = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        var me = (await _factory.ActorOfAsync(FinanceEmail)).Id;
        const string QueuePath = IndexPath + "/queue/highvalueapproval";

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.CaseIds", first.ToString()), new("Input.CaseIds", second.ToString()), new("Input.Assignee", ""),
            new("__RequestVerificationToken", await AdminSignIn.GetAntiforgeryTokenAsync(client, QueuePath)),
        };
        using var missing = await client.PostAsync(new Uri(QueuePath + "?handler=Assign", UriKind.Relative), new FormUrlEncodedContent(fields));
        fields[2] = new("Input.Assignee", me);
        using var assigned = await client.PostAsync(new Uri(QueuePath + "?handler=Assign", UriKind.Relative), new FormUrlEncodedContent(fields));
        var mine = await client.GetStringAsync(new Uri(IndexPath + "/queue/mine", UriKind.Relative));

        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Assignee"[^>]*>Choose a person who holds the queue's role""", WebUtility.HtmlDecode(missingHtml));
        Assert.Contains($"value=\"{first}\" checked=\"checked\"", missingHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains("data-testid=\"case-count\">2 open case(s).", mine, StringComparison.Ordinal);
        Assert.Contains(first.ToString("N")[..8], mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueue_FilteredByChannelAndLeastPriority_ShowsOnlyTheCasesThatMatch()
    {
        var smaller = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        var larger = await CaseOfOrderAsync(await CaptureAsync(new OrderBuilder().WithLine("JACKET-DENIM-L-BLK", 40, 129m)), ExceptionType.HighValueApproval);
        using var client = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        await using var scope = _factory.Services.CreateAsyncScope();
        var rows = (await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IQueryHandler<ListExceptionCases, ExceptionCasePage>>()
            .HandleAsync(new ListExceptionCases(new ExceptionCaseListRequest(new ExceptionCaseFilter(Types: [ExceptionType.HighValueApproval]),
                ExceptionCaseSortField.DueAt, false, 50)), CancellationToken.None)).Value.Items;
        var threshold = rows.Single(r => r.Id == larger).Priority;
        Assert.True(threshold > rows.Single(r => r.Id == smaller).Priority, "the larger order ranks higher");

        var byPriority = await client.GetStringAsync(new Uri($"{IndexPath}/queue/highvalueapproval?minPriority={threshold}", UriKind.Relative));
        var otherChannel = await client.GetStringAsync(new Uri($"{IndexPath}/queue/highvalueapproval?channel=WHOLESALE", UriKind.Relative));
        var web = await client.GetStringAsync(new Uri($"{IndexPath}/queue/highvalueapproval?channel=WEB", UriKind.Relative));

        Assert.Contains("data-testid=\"case-count\">1 open case(s).", byPriority, StringComparison.Ordinal);
        Assert.Contains($"/case/{larger}", byPriority, StringComparison.Ordinal);
        Assert.DoesNotContain($"/case/{smaller}", byPriority, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-count\">0 open case(s).", otherChannel, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-count\">2 open case(s).", web, StringComparison.Ordinal);
    }

    [GeneratedRegex("""name="Input.Version" value="(?<v>\d+)" """)]
    private static partial Regex VersionInput();
}
