using EcomErp.Application.Catalog.CreateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.RenameChannel;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>CreateChannel and RenameChannel on the real SQLite file with the demo channels.</summary>
public sealed class ChannelCommandsTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
        string.Join('|', (await db.Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync()).Select(c => $"{c.Code}:{c.Name}:{c.Kind}:{c.Version}:{c.IsActive}"))
        + $"#{await db.OutboxMessages.CountAsync()}");

    [Fact]
    public async Task APlanner_CreatesAChannel_ActiveWithTheDefaultPolicyOfItsKind_ThenRenamesIt_EachChangeAudited_AndTheRenameAnEvent()
    {
        var created = await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, " mkt-otto ", "Otto marketplace", ChannelKind.Marketplace, " gbp "));
        var renamed = await _host.SendAsync<RenameChannel, ChannelView>(new RenameChannel(Actors.Planner, "MKT-OTTO", "  OTTO Market  "));

        Assert.True(created.IsSuccess && renamed.IsSuccess, string.Join("; ", created.Errors.Concat(renamed.Errors)));
        Assert.Equal(("MKT-OTTO", "Otto marketplace", ChannelKind.Marketplace, "GBP", true),
            (created.Value.Code, created.Value.Name, created.Value.Kind, created.Value.Currency, created.Value.IsActive));
        Assert.True(created.Value.Policy.FollowsWarehouseNetwork);
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM", "WH-LEEDS"], created.Value.Policy.ResolvedEligibleLocations);
        Assert.Equal("OTTO Market", renamed.Value.Name);
        var entries = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.SubjectKind == "Channel" && e.SubjectId == "MKT-OTTO").OrderBy(e => e.RecordedAt).ToListAsync());
        Assert.Equal([nameof(CreateChannel), nameof(RenameChannel)], entries.Select(e => e.Command));
        Assert.All(entries, e => Assert.Equal(AuditOutcome.Succeeded, e.Outcome));
        Assert.Equal(1, await _host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventType == nameof(ChannelRenamed))));
        var createdEvent = await _host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.EventType == nameof(ChannelCreated)));
        Assert.Contains("\"currency\":\"GBP\"", createdEvent.Payload, StringComparison.Ordinal);
        Assert.Equal(Currency.Of("GBP"), await _host.WithDbAsync(db => db.Channels.Where(c => c.Code == ChannelCode.Of("MKT-OTTO")).Select(c => c.Currency).SingleAsync()));
    }

    [Theory]
    [InlineData("taken", "CHANNEL_EXISTS", "code")]
    [InlineData("bad-code", "CHANNEL_CODE_INVALID", "code")]
    [InlineData("no-name", "CHANNEL_NAME_INVALID", "name")]
    [InlineData("bad-kind", "VALIDATION_FAILED", "kind")]
    [InlineData("by-finance", "NOT_PERMITTED", null)]
    [InlineData("bad-currency", "CURRENCY_UNSUPPORTED", "currency")]
    [InlineData("rename-unknown", "CHANNEL_NOT_FOUND", "channel")]
    [InlineData("rename-same", "CHANNEL_NAME_UNCHANGED", "name")]
    [InlineData("rename-too-long", "CHANNEL_NAME_INVALID", "name")]
    [InlineData("rename-by-operations", "NOT_PERMITTED", null)]
    public async Task AChannelCommandThatBreaksARule_IsRefusedWithItsCodeAndField_AndChangesNothing(string mistake, string code, string? field)
    {
        var before = await StateAsync();

        var result = mistake switch
        {
            "taken" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, "web", "Another web shop", ChannelKind.DirectToConsumer, "EUR")),
            "bad-code" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, "otto market!", "Otto", ChannelKind.Marketplace, "EUR")),
            "no-name" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, "MKT-OTTO", " ", ChannelKind.Marketplace, "EUR")),
            "bad-kind" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, "MKT-OTTO", "Otto", (ChannelKind)99, "EUR")),
            "by-finance" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Finance, "MKT-OTTO", "Otto", ChannelKind.Marketplace, "EUR")),
            "bad-currency" => await _host.SendAsync<CreateChannel, ChannelView>(new CreateChannel(Actors.Planner, "MKT-OTTO", "Otto", ChannelKind.Marketplace, "XYZ")),
            "rename-unknown" => await _host.SendAsync<RenameChannel, ChannelView>(new RenameChannel(Actors.Planner, "NOT-A-CHANNEL", "Otto")),
            "rename-same" => await _host.SendAsync<RenameChannel, ChannelView>(new RenameChannel(Actors.Planner, "WEB", "Web shop")),
            "rename-too-long" => await _host.SendAsync<RenameChannel, ChannelView>(new RenameChannel(Actors.Planner, "WEB", new string('x', Channel.NameMaxLength + 1))),
            _ => await _host.SendAsync<RenameChannel, ChannelView>(new RenameChannel(Actors.Operations, "WEB", "Webshop")),
        };

        Assert.True(result.IsFailure);
        Assert.Equal((code, field), (result.Error.Code, result.Error.Field));
        Assert.Equal(before, await StateAsync());
    }
}
