using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Projections;

public sealed partial class RebuildProgressTests : IDisposable
{
    private const string PagePath = "/admin/projections";
    private const string ProgressPath = "/admin/projections?handler=Progress";

    // No worker, so the rebuild in the page's request is the only projection; small batches give it many steps, and a seed
    // not consumed yet gives it events never announced, whose notifications hold it between two batches.
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true",
        ["EcomErp:Roles"] = "api,admin",
        ["EcomErp:ReadModels:ProjectionBatchSize"] = "10",
    })
    {
        SeedUnconsumed = true,
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Progress_WhileARebuildRuns_ReportsTheEventsAppliedSoFarOfTheNewest_AndAllOfThemWhenItIsDone()
    {
        using var client = await AdminAsync();
        using var gate = new BatchGate(_factory.Services.GetRequiredService<INotificationBus>());
        var rebuild = PostRebuildAsync(client);

        await gate.HeldAfterABatch.WaitAsync(TimeSpan.FromSeconds(30));
        var during = await ProgressAsync(client);
        gate.Release();
        using var rebuilt = await rebuild;
        var after = await ProgressAsync(client);

        Assert.True(during.Rebuilding);
        Assert.InRange(during.Applied, 1, during.Newest - 1);
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.False(after.Rebuilding);
        Assert.Equal(after.Newest, after.Applied);
        Assert.Equal(during.Newest, after.Newest);
    }

    [Fact]
    public async Task Page_WhileARebuildRuns_RendersTheProgressBarWithItsFigures_AndHidesItOtherwise()
    {
        using var client = await AdminAsync();
        var idle = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        using var gate = new BatchGate(_factory.Services.GetRequiredService<INotificationBus>());
        var rebuild = PostRebuildAsync(client);

        await gate.HeldAfterABatch.WaitAsync(TimeSpan.FromSeconds(30));
        var during = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var status = await _factory.Services.GetRequiredService<IReadModelMaintenance>().GetStatusAsync(CancellationToken.None);
        gate.Release();
        using var rebuilt = await rebuild;

        Assert.Matches("<div class=\"rebuild-progress\"[^>]*hidden", idle);
        Assert.Equal("", LiveText(idle));
        Assert.DoesNotMatch("<div class=\"rebuild-progress\"[^>]*hidden", during);
        Assert.Contains("<label for=\"rebuild-progress-bar\">Rebuild progress</label>", during, StringComparison.Ordinal);
        var bar = BarRegex().Match(during);
        Assert.True(bar.Success, "no progress bar on the page");
        Assert.Equal(status.NewestSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.Groups["max"].Value);
        Assert.Equal(status.AppliedSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.Groups["value"].Value);
        Assert.Equal($"Rebuilding: {status.AppliedSequence} of {status.NewestSequence} events applied.", LiveText(during));
        Assert.Contains("aria-live=\"polite\"", during, StringComparison.Ordinal);
        Assert.Contains("projections.js", during, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
    }

    [Fact]
    public async Task Progress_ForAPersonWithoutTheAdminRole_IsDenied()
    {
        await _factory.CreateUserAsync("finance@ecomerp.local", "Finance-Passw0rd!", Roles.Finance);
        using var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, "finance@ecomerp.local", "Finance-Passw0rd!");

        using var response = await client.GetAsync(new Uri(ProgressPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        return client;
    }

    private static async Task<HttpResponseMessage> PostRebuildAsync(HttpClient client)
    {
        var token = AdminSignIn.ReadAntiforgeryToken(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"{PagePath}?handler=Rebuild", UriKind.Relative), form);
    }

    private static async Task<(bool Rebuilding, long Applied, long Newest)> ProgressAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(ProgressPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("rebuilding").GetBoolean(), root.GetProperty("applied").GetInt64(), root.GetProperty("newest").GetInt64());
    }

    private static string LiveText(string html)
    {
        var match = Regex.Match(html, "data-testid=\"rebuild-progress-text\">(?<text>[^<]*)<");
        Assert.True(match.Success, "no rebuild progress text on the page");
        return match.Groups["text"].Value;
    }

    [GeneratedRegex("<progress id=\"rebuild-progress-bar\"[^>]*max=\"(?<max>\\d+)\" value=\"(?<value>\\d+)\"")]
    private static partial Regex BarRegex();

    /// <summary>
    /// Holds the rebuild between two batches: the projector publishes a committed batch's notifications on the
    /// in-process bus synchronously, so the first one it sends waits here until the test has looked.
    /// </summary>
    private sealed class BatchGate : IDisposable
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();
        private readonly IDisposable[] _subscriptions;
        private int _first;

        public BatchGate(INotificationBus bus) => _subscriptions =
        [
            bus.Observe<OrderStatusChangedNotification>().Subscribe(_ => Hold()),
            bus.Observe<InventoryChangedNotification>().Subscribe(_ => Hold()),
            bus.Observe<AvailabilityChangedNotification>().Subscribe(_ => Hold()),
            bus.Observe<ExceptionCaseChangedNotification>().Subscribe(_ => Hold()),
        ];

        public Task HeldAfterABatch => _held.Task;

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            foreach (var subscription in _subscriptions)
                subscription.Dispose();
            _release.Dispose();
        }

        private void Hold()
        {
            if (Interlocked.Exchange(ref _first, 1) == 1)
                return;
            _held.SetResult();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
    }
}
