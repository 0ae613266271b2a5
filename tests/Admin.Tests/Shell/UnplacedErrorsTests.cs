using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>
/// A refused form whose message belongs to a field the page has no place for (a row that is not there, a hidden field) still
/// says why: the refusal is in the page that comes back, never a silent 200.
/// </summary>
public sealed partial class UnplacedErrorsTests : IDisposable
{
    private const string Password = "Unplaced-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public UnplacedErrorsTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static string Unplaced(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, """data-testid="unplaced-errors">.*?</div>""", RegexOptions.Singleline).Value);

    [Fact]
    public async Task SafetyStockForALocationThePositionHasNoRowFor_IsRefused_AndThePageSaysWhy()
    {
        using var planner = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        const string Path = "/admin/inventory/position/tee-crew-l-blk";

        using var posted = await AdminPageSession.PostAsync(planner, Path, "SafetyStock", new() { ["Safety.Location"] = "WH-NOPE", ["Safety.SafetyStock"] = "1" });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("WH-NOPE", Unplaced(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecidingAPolicyChangeThatIsNoLongerPending_IsRefused_AndThePageSaysWhy()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        using var abe = await _session.SignedInAsync("abe@ecomerp.local", Roles.Admin);
        using var cyd = await _session.SignedInAsync("cyd@ecomerp.local", Roles.Admin);
        using var proposed = await AdminPageSession.PostAsync(ada, "/admin/policies", "Propose", new()
        {
            ["Input.Key"] = "orders.high-value-threshold", ["Input.Channel"] = "WEB", ["Input.Currency"] = "EUR", ["Input.Value"] = "5000", ["Input.Reason"] = "Peak.",
        });
        var caseId = Regex.Match(await abe.GetStringAsync(new Uri("/admin/policies", UriKind.Relative)), """name="Decision.CaseId" value="(?<id>[0-9a-f-]{36})" """)
            .Groups["id"].Value;
        // Both second administrators had the page open; the first to decide wins.
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(cyd, "/admin/policies");

        using var first = await AdminPageSession.PostAsync(abe, "/admin/policies", "Approve", new() { ["Decision.CaseId"] = caseId, ["Decision.Note"] = "Agreed." });
        using var second = await AdminPageSession.PostAsync(cyd, "/admin/policies", "Reject", new()
        {
            ["Decision.CaseId"] = caseId, ["Decision.Note"] = "Too high.", ["__RequestVerificationToken"] = token,
        }, withToken: false);
        using var unknown = await AdminPageSession.PostAsync(cyd, "/admin/policies", "Approve", new() { ["Decision.CaseId"] = Guid.Empty.ToString(), ["Decision.Note"] = "?" });

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEmpty(Unplaced(await second.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotEmpty(Unplaced(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AHoldPostedWithAnUnreadableOrderVersion_IsRefused_AndThePageSaysWhy()
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);
        var path = $"/admin/orders/details/{captured.Value.OrderId}";

        using var posted = await AdminPageSession.PostAsync(ops, path, "PlaceHold", new()
        {
            ["Input.Version"] = "abc", ["Input.HoldType"] = "Manual", ["Input.HoldReason"] = "x",
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""data-testid="order-errors"[^>]*><ul><li>The form did not say which version of the order it was filled in on.""", await posted.Content.ReadAsStringAsync());
        await using var scope = _factory.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetOrder, OrderView?>>().HandleAsync(new GetOrder(captured.Value.OrderId), CancellationToken.None);
        Assert.Empty(order.Value!.Holds);
    }
}
