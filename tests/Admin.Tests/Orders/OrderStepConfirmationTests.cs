using System.Net;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Orders;

/// <summary>
/// The status line after a step says what the step did and never contradicts the page under it: the page reads the order's
/// read model, which the step's events reach a moment after the redirect. The host has no worker role, so the read model moves
/// exactly when the test settles it.
/// </summary>
public sealed class OrderStepConfirmationTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true", ["EcomErp:Roles"] = "api,admin" });
    private readonly AdminPageSession _session;

    public OrderStepConfirmationTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AfterARelease_TheStatusLineSaysTheDetailsCatchUp_UntilTheyDo_AndThenNamesTheStatusTheyShow()
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);
        var path = $"/admin/orders/details/{captured.Value.OrderId}";

        using var released = await AdminPageSession.PostAsync(ops, path, "Release", new Dictionary<string, string>().WithVersionFrom(await ops.GetStringAsync(new Uri(path, UriKind.Relative))));
        var beforeProjection = WebUtility.HtmlDecode(await ops.GetStringAsync(new Uri(path, UriKind.Relative)));
        await _factory.RunBackgroundWorkAsync();
        using var held = await AdminPageSession.PostAsync(ops, path, "PlaceHold", new Dictionary<string, string>
        {
            ["Input.HoldType"] = nameof(HoldType.Manual), ["Input.HoldReason"] = "Customer asked to wait.",
        }.WithVersionFrom(await ops.GetStringAsync(new Uri(path, UriKind.Relative))));
        await _factory.RunBackgroundWorkAsync();
        var afterProjection = WebUtility.HtmlDecode(await ops.GetStringAsync(new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains("data-testid=\"order-status\">Allocated", beforeProjection, StringComparison.Ordinal);
        Assert.Contains(
            "The order is released to the warehouse. The details below are from just before it: they show Released once the change is processed",
            beforeProjection, StringComparison.Ordinal);
        Assert.DoesNotContain("It is Released", beforeProjection, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Contains("data-testid=\"order-status\">Released", afterProjection, StringComparison.Ordinal);
        Assert.Contains("The order is on hold. It is Released, on hold.", afterProjection, StringComparison.Ordinal);
    }
}

internal static partial class OrderForms
{
    /// <summary>The fields with the order version the page shows, as its forms post it.</summary>
    public static Dictionary<string, string> WithVersionFrom(this Dictionary<string, string> fields, string page)
    {
        fields["Input.Version"] = VersionInput().Match(page).Groups["v"].Value;
        return fields;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""name="Input.Version" value="(?<v>\d+)" """)]
    private static partial System.Text.RegularExpressions.Regex VersionInput();
}
