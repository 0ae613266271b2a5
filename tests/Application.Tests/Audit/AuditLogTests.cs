using EcomErp.Application.Access.ChangeApiClientAccess;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.RevokeApiClient;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Audit;

/// <summary>The audit log on the real SQLite file: one entry per command by a person or API client, in the command's own transaction.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The log in the order it was written: each command runs a second after the one before (<see cref="SendAsync"/>).</summary>
    private async Task<List<AuditEntry>> EntriesAsync() =>
        [.. (await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().ToListAsync())).OrderBy(e => e.RecordedAt)];

    private Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command)
    {
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        return _host.SendAsync<TCommand, TResult>(command);
    }

    private static SetChannelPolicy Policy(Actor actor, int shipBySlaHours, string channel = "WEB") =>
        new(actor, channel, ["WH-LEEDS", "WH-BERLIN"], [], true, false, false, ["LocationPriority", "StockDepth"], null, null, OrderPriority.High, shipBySlaHours);

    private async Task<IssuedApiClient> IssueAsync(string[] scopes) =>
        (await SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(Actors.Admin, "Storefront", scopes, ["WEB"], []))).Value;

    [Fact]
    public async Task EveryCommandFamily_ByAPersonOrAnApiClient_WritesExactlyOneEntry_WithActorRolesCommandAndSubject()
    {
        var captured = await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
        var cancelled = await SendAsync<CancelOrder, OrderCommandResult>(new CancelOrder(captured.Value.OrderId, Actors.CustomerService, "Customer asked."));
        var adjusted = await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, "tee-crew-m-blk", "wh-berlin", 2, "FOUND"));
        var policy = await SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 30));
        var client = await IssueAsync([ApiScopes.OrdersRead]);

        Assert.True(captured.IsSuccess && cancelled.IsSuccess && adjusted.IsSuccess && policy.IsSuccess);
        var entries = await EntriesAsync();
        Assert.Equal(
            [
                ("CaptureOrder", Actors.WebShop.Id, ActorKind.ApiClient, "Order", captured.Value.OrderId.ToString()),
                ("CancelOrder", Actors.CustomerService.Id, ActorKind.Person, "Order", captured.Value.OrderId.ToString()),
                ("AdjustStock", Actors.Warehouse.Id, ActorKind.Person, "InventoryBalance", "TEE-CREW-M-BLK/WH-BERLIN"),
                ("SetChannelPolicy", Actors.Planner.Id, ActorKind.Person, "Channel", "WEB"),
                ("IssueApiClient", Actors.Admin.Id, ActorKind.Person, "ApiClient", client.ClientId.ToString()),
            ],
            entries.Select(e => (e.Command, e.ActorId, e.ActorKind, e.SubjectKind!, e.SubjectId!)));
        Assert.All(entries, e => Assert.Equal((AuditOutcome.Succeeded, 0), (e.Outcome, e.ErrorCodes.Count)));
        Assert.Equal([Roles.CustomerService], entries[1].ActorRoles);
        Assert.Equal(ErpTestHost.Start.AddSeconds(1), entries[0].RecordedAt);
    }

    [Fact]
    public async Task ARefusedCommand_IsRecordedRefused_WithItsErrorCodes_AndChangesNothingElse()
    {
        var channelsBefore = await _host.WithDbAsync(db => db.Channels.AsNoTracking().Select(c => c.Version).ToListAsync());

        var refused = await SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 30, channel: "NOPE"));
        var notPermitted = await SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(Actors.Finance, "Sneaky", [ApiScopes.OrdersRead], [], []));

        Assert.True(refused.IsFailure && notPermitted.IsFailure);
        var entries = await EntriesAsync();
        Assert.Equal(
            [
                ("SetChannelPolicy", "Channel", (string?)"NOPE", AuditOutcome.Refused, refused.Errors.Select(e => e.Code).Distinct().ToList()),
                ("IssueApiClient", "ApiClient", null, AuditOutcome.Refused, [CommonErrors.NotPermitted]),
            ],
            entries.Select(e => (e.Command, e.SubjectKind!, e.SubjectId, e.Outcome, e.ErrorCodes.ToList())));
        Assert.Equal(channelsBefore, await _host.WithDbAsync(db => db.Channels.AsNoTracking().Select(c => c.Version).ToListAsync()));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<ApiClient>().CountAsync()));
    }

    [Fact]
    public async Task AChannelPolicyChange_KeepsTheValuesBeforeAndAfter()
    {
        Assert.True((await SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 30))).IsSuccess);

        Assert.True((await SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 12))).IsSuccess);

        var change = Assert.Single((await EntriesAsync())[^1].Changes);
        Assert.Equal(("Channel", "WEB", AuditedChangeKind.Modified), (change.Record, change.Key, change.Kind));
        Assert.Contains(new AuditedValue("Policy.ShipBySlaHours", "30", "12"), change.Values);
        Assert.DoesNotContain(change.Values, v => v.Property.EndsWith("EligibleLocations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApiClientIssuedChangedAndRevoked_IsAuditedBeforeAndAfter_WithoutItsKeyHashOrPrefix()
    {
        var client = await IssueAsync([ApiScopes.OrdersRead]);
        Assert.True((await SendAsync<ChangeApiClientAccess, Guid>(
            new ChangeApiClientAccess(Actors.Admin, client.ClientId, [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], ["WEB"], [Roles.CustomerService]))).IsSuccess);
        Assert.True((await SendAsync<RevokeApiClient, Guid>(new RevokeApiClient(Actors.Admin, client.ClientId))).IsSuccess);

        var entries = await EntriesAsync();
        var stored = await _host.WithDbAsync(db => db.Set<ApiClient>().AsNoTracking().SingleAsync(c => c.Id == client.ClientId));
        var (hash, prefix) = (stored.KeyHash, stored.KeyPrefix);
        Assert.Equal(["IssueApiClient", "ChangeApiClientAccess", "RevokeApiClient"], entries.Select(e => e.Command));
        Assert.All(entries, e => Assert.Equal(("ApiClient", client.ClientId.ToString()), (e.SubjectKind, e.SubjectId)));
        var issued = Assert.Single(entries[0].Changes);
        Assert.Equal(AuditedChangeKind.Added, issued.Kind);
        Assert.Contains(new AuditedValue("Name", null, "Storefront"), issued.Values);
        var changed = Assert.Single(entries[1].Changes);
        Assert.Equal(
            [new AuditedValue("Roles", "[]", """["CustomerService"]"""), new AuditedValue("Scopes", """["orders:read"]""", """["orders:read","orders:write"]""")],
            changed.Values.OrderBy(v => v.Property));
        Assert.Contains(Assert.Single(entries[2].Changes).Values, v => v is { Property: "RevokedBy", Before: null } && v.After == Actors.Admin.Id);
        var everyValue = entries.SelectMany(e => e.Changes).SelectMany(c => c.Values).ToList();
        Assert.DoesNotContain(everyValue, v => v.Property is "KeyHash" or "KeyPrefix");
        Assert.DoesNotContain(everyValue, v => $"{v.Before}{v.After}".Contains(hash, StringComparison.Ordinal) || $"{v.Before}{v.After}".Contains(prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(everyValue, v => $"{v.Before}{v.After}".Contains(client.PlainKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEntry_IsSavedInTheCommandsTransaction_SoAFailedSaveLeavesNoSucceededEntry_AndAFailedEntryNoChange()
    {
        await _host.ExecuteSqlAsync("CREATE TRIGGER refuse_channel_update BEFORE UPDATE ON Channels BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 30)));
        Assert.Empty(await EntriesAsync());

        await _host.ExecuteSqlAsync("DROP TRIGGER refuse_channel_update; CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditLog BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        var versionBefore = await _host.WithDbAsync(db => db.Channels.AsNoTracking().Where(c => c.Code == ChannelCode.Of("WEB")).Select(c => c.Version).SingleAsync());
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => SendAsync<SetChannelPolicy, ChannelPolicyView>(Policy(Actors.Planner, 30)));
        Assert.Equal(versionBefore, await _host.WithDbAsync(db => db.Channels.AsNoTracking().Where(c => c.Code == ChannelCode.Of("WEB")).Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task TheSystemsOwnCommands_AreNotRecorded()
    {
        var captured = await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildCommand());
        await _host.DispatchOutboxAsync();

        var validated = await _host.LoadAsync(captured.Value.OrderId);

        Assert.NotEqual(OrderStatus.Captured, validated.Status);
        Assert.Equal(["CaptureOrder"], (await EntriesAsync()).Select(e => e.Command));
    }

    [Fact]
    public async Task AnIdempotentRepeat_IsRecordedOnce_PerCommand_AsSucceeded()
    {
        var command = new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildCommand();

        var first = await SendAsync<CaptureOrder, CapturedOrder>(command);
        var again = await SendAsync<CaptureOrder, CapturedOrder>(command);

        Assert.True(again.Value.WasAlreadyCaptured);
        var entries = await EntriesAsync();
        Assert.Equal([(AuditOutcome.Succeeded, (string?)first.Value.OrderId.ToString()), (AuditOutcome.Succeeded, null)], entries.Select(e => (e.Outcome, e.SubjectId)));
    }
}
