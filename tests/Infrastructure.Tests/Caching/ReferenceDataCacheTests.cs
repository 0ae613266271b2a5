using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.RevokeApiClient;
using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.RegisterSku;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Caching;

/// <summary>
/// The hot paths' reference-data cache (decision 055): this process's own changes show at once, another process's within the
/// time to live, and a value read while a change was saved is never served.
/// </summary>
public sealed class ReferenceDataCacheTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARevocationSavedInThisProcess_RefusesTheKeyAtOnce_ThoughItsClientWasCached()
    {
        var issued = await IssueAsync(_host);
        Assert.True((await AuthenticateAsync(_host, issued.PlainKey)).IsSuccess);

        var revoked = await _host.SendAsync<RevokeApiClient, Guid>(new RevokeApiClient(Actors.Admin, issued.ClientId));

        Assert.True(revoked.IsSuccess);
        var refused = await AuthenticateAsync(_host, issued.PlainKey);
        Assert.Equal(ApiClientErrors.KeyInvalid, refused.Error.Code);
    }

    [Fact]
    public async Task ARevocationSavedByAnotherNode_ReachesThisOne_OnlyWhenItsCachedClientExpires()
    {
        await using var other = await _host.StartNodeAsync(new Dictionary<string, string?> { ["EcomErp:ReferenceData:TimeToLive"] = "00:00:05" });
        var issued = await IssueAsync(_host);
        Assert.True((await AuthenticateAsync(other, issued.PlainKey)).IsSuccess);

        Assert.True((await _host.SendAsync<RevokeApiClient, Guid>(new RevokeApiClient(Actors.Admin, issued.ClientId))).IsSuccess);

        // The other node has not seen the change: its entry is 4.9 s old, inside the documented bound.
        other.Time.Advance(TimeSpan.FromMilliseconds(4_900));
        Assert.True((await AuthenticateAsync(other, issued.PlainKey)).IsSuccess);
        other.Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(ApiClientErrors.KeyInvalid, (await AuthenticateAsync(other, issued.PlainKey)).Error.Code);
    }

    [Fact]
    public async Task AnAccessChangeAnnouncedOnTheBus_DropsTheCachedClientAtOnce_OnTheNodeThatHearsIt()
    {
        await using var other = await _host.StartNodeAsync(new Dictionary<string, string?> { ["EcomErp:ReferenceData:TimeToLive"] = "00:05:00" });
        var issued = await IssueAsync(_host);
        Assert.True((await AuthenticateAsync(other, issued.PlainKey)).IsSuccess);
        Assert.True((await _host.SendAsync<RevokeApiClient, Guid>(new RevokeApiClient(Actors.Admin, issued.ClientId))).IsSuccess);
        Assert.True((await AuthenticateAsync(other, issued.PlainKey)).IsSuccess);

        // What the revoking node announces, as a shared bus (Redis) delivers it to this one.
        await other.Services.GetRequiredService<INotificationBus>()
            .PublishAsync(new ApiClientChangedNotification(issued.ClientId, other.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(ApiClientErrors.KeyInvalid, (await AuthenticateAsync(other, issued.PlainKey)).Error.Code);
    }

    [Fact]
    public async Task ASkuRegisteredAfterACaptureFoundItUnknown_IsAcceptedByTheNextCapture()
    {
        var refused = await CaptureAsync("CACHE-TEE-M");
        Assert.Contains(refused.Errors, e => e.Code == OrderErrors.UnknownSkuCode);

        var registered = await _host.SendAsync<RegisterSku, Application.Catalog.SkuDetailsView>(
            new RegisterSku(Actors.Planner, "CACHE-TEE-M", "Cache tee M", "CACHE-TEE", "M", "White", 19.90m, 7m, "EUR", 180, false));

        Assert.True(registered.IsSuccess);
        Assert.True((await CaptureAsync("CACHE-TEE-M")).IsSuccess);
    }

    [Fact]
    public async Task AChannelDeactivatedAfterACaptureCachedIt_RefusesTheNextCapture()
    {
        Assert.True((await CaptureAsync("HOODIE-ZIP-M-BLK")).IsSuccess);

        Assert.True((await _host.SendAsync<DeactivateChannel, ChannelView>(new DeactivateChannel(Actors.Admin, "WEB"))).IsSuccess);

        var refused = await CaptureAsync("HOODIE-ZIP-M-BLK");
        Assert.Contains(refused.Errors, e => e.Code == OrderErrors.ChannelInactiveCode);
    }

    [Fact]
    public void AValueReadWhileAChangeWasSaved_IsNeverServed_AndEntriesExpireAfterTheirTimeToLive()
    {
        var time = new FakeTimeProvider(ErpTestHost.Start);
        var cache = new ReferenceDataCache(time, Options.Create(new ReferenceDataOptions { TimeToLive = TimeSpan.FromSeconds(5) }));

        var ticket = cache.BeginRead();
        cache.Invalidate();
        cache.Keep(ticket, "sku:A", true);
        Assert.False(cache.TryGet<bool>("sku:A", out _));

        cache.Keep(cache.BeginRead(), "sku:A", true);
        Assert.True(cache.TryGet<bool>("sku:A", out var exists) && exists);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(cache.TryGet<bool>("sku:A", out _));
    }

    [Fact]
    public void PastMaxEntries_TheCacheStartsOver_SoAFloodOfKeysCannotGrowIt()
    {
        var cache = new ReferenceDataCache(new FakeTimeProvider(ErpTestHost.Start),
            Options.Create(new ReferenceDataOptions { TimeToLive = TimeSpan.FromSeconds(5), MaxEntries = 100 }));

        for (var i = 0; i < 100; i++)
            cache.Keep(cache.BeginRead(), $"sku:{i}", true);
        cache.Keep(cache.BeginRead(), "sku:0", true);
        Assert.True(cache.TryGet<bool>("sku:99", out _));

        cache.Keep(cache.BeginRead(), "sku:100", true);

        Assert.False(cache.TryGet<bool>("sku:99", out _));
    }

    [Fact]
    public async Task ATimeToLiveOfZero_TurnsTheCacheOff_SoEveryLookUpReadsTheStore()
    {
        var cache = new ReferenceDataCache(TimeProvider.System, Options.Create(new ReferenceDataOptions { TimeToLive = TimeSpan.Zero }));
        var reads = 0;

        for (var i = 0; i < 3; i++)
            await cache.GetOrReadAsync("channel:WEB", _ => Task.FromResult(++reads), CancellationToken.None);

        Assert.Equal(3, reads);
        Assert.False(cache.Enabled);
    }

    private static async Task<IssuedApiClient> IssueAsync(ErpTestHost host) =>
        (await host.SendAsync<IssueApiClient, IssuedApiClient>(
            new IssueApiClient(Actors.Admin, "Cache test feed", [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], [], []))).Value;

    private static Task<Result<ApiCaller>> AuthenticateAsync(ErpTestHost host, string key) =>
        host.QueryAsync<AuthenticateApiClient, ApiCaller>(new AuthenticateApiClient(key));

    private Task<Result<CapturedOrder>> CaptureAsync(string sku) =>
        _host.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine(sku, 1).BuildCommand());
}
