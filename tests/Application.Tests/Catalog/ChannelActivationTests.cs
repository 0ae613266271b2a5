using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>ActivateChannel and DeactivateChannel on the real SQLite file with the demo channels: an event and an audit entry, or a named refusal that changes nothing.</summary>
public sealed class ChannelActivationTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<(bool Active, int Version, int Events)> StateAsync() => _host.WithDbAsync(async db =>
    {
        var web = await db.Channels.AsNoTracking().SingleAsync(c => c.Code == ChannelCode.Of("WEB"));
        return (web.IsActive, web.Version, await db.OutboxMessages.CountAsync(m => m.EventType == "ChannelActivationChanged"));
    });

    [Fact]
    public async Task DeactivateChannel_ByAPlanner_StopsTheChannel_WithAnEventAndAnAuditEntryShowingBeforeAndAfter()
    {
        var before = await StateAsync();

        var deactivated = await _host.SendAsync<DeactivateChannel, ChannelView>(new DeactivateChannel(Actors.Planner, "web"));

        Assert.True(deactivated.IsSuccess, string.Join("; ", deactivated.Errors));
        Assert.False(deactivated.Value.IsActive);
        Assert.Equal((false, before.Version + 1, before.Events + 1), await StateAsync());
        var entry = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Command == nameof(DeactivateChannel)));
        Assert.Equal(("Channel", "WEB", AuditOutcome.Succeeded), (entry.SubjectKind, entry.SubjectId, entry.Outcome));
        Assert.Contains(Assert.Single(entry.Changes).Values, v => v.Property == "IsActive");
    }

    [Fact]
    public async Task ActivateChannel_OfAnActiveChannel_OrByAnotherRole_OrOfAnUnknownOne_IsRefusedWithItsCode_AndChangesNothing()
    {
        var before = await StateAsync();

        var again = await _host.SendAsync<ActivateChannel, ChannelView>(new ActivateChannel(Actors.Planner, "WEB"));
        var finance = await _host.SendAsync<DeactivateChannel, ChannelView>(new DeactivateChannel(Actors.Finance, "WEB"));
        var unknown = await _host.SendAsync<DeactivateChannel, ChannelView>(new DeactivateChannel(Actors.Planner, "NOPE"));

        Assert.Equal(("CHANNEL_ACTIVATION_UNCHANGED", "NOT_PERMITTED", "CHANNEL_NOT_FOUND"), (again.Error.Code, finance.Error.Code, unknown.Error.Code));
        Assert.Equal(before, await StateAsync());
    }
}
