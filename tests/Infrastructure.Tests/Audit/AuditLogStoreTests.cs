using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Audit;
using EcomErp.Application.Audit.ListAuditLog;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Audit;

/// <summary>The audit log's store on the real SQLite file: append-only, and listed by subject, actor, command, outcome and time, newest first.</summary>
public sealed class AuditLogStoreTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(TestDatabase.Options);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IssuedApiClient> IssueAsync(Actor actor, string name)
    {
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var issued = await _host.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(actor, name, [ApiScopes.OrdersRead], [], []));
        return issued.IsSuccess ? issued.Value : new IssuedApiClient(Guid.Empty, name, "");
    }

    private async Task<AuditLogPage> ListAsync(AuditLogFilter filter, int size = 10, AuditLogPage? after = null) =>
        (await _host.QueryAsync<ListAuditLog, AuditLogPage>(new ListAuditLog(new AuditLogRequest(filter, size, after?.Cursors[^1])))).Value;

    [Fact]
    public async Task AnEntry_CannotBeChangedNorRemovedThroughTheStore_AndStaysAsRecorded()
    {
        await IssueAsync(Actors.Admin, "Storefront");

        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.WithDbAsync(async db =>
        {
            var entry = await db.AuditLog.SingleAsync();
            db.Entry(entry).Property(e => e.Command).CurrentValue = "SomethingElse";
            return await db.SaveChangesAsync();
        }));
        var removed = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.WithDbAsync(async db =>
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            return await db.SaveChangesAsync();
        }));

        Assert.All(new[] { changed, removed }, e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        Assert.Equal("IssueApiClient", (await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync())).Command);
    }

    [Fact]
    public async Task TheLog_IsListedNewestFirst_ByActorSubjectCommandOutcomeAndTime_AndPagedWithoutSkippingOrRepeating()
    {
        var first = await IssueAsync(Actors.Admin, "One");
        var second = await IssueAsync(Actors.Admin, "Two");
        await IssueAsync(Actors.Finance, "Refused");
        var third = await IssueAsync(Actors.Admin, "Three");

        var all = await ListAsync(new AuditLogFilter());
        var byAdmin = await ListAsync(new AuditLogFilter(ActorId: Actors.Admin.Id));
        var refused = await ListAsync(new AuditLogFilter(Outcome: AuditOutcome.Refused));
        var aboutSecond = await ListAsync(new AuditLogFilter(SubjectKind: "ApiClient", SubjectId: second.ClientId.ToString()));
        var window = await ListAsync(new AuditLogFilter(Command: "IssueApiClient", From: ErpTestHost.Start.AddMinutes(2), To: ErpTestHost.Start.AddMinutes(4)));
        var page1 = await ListAsync(new AuditLogFilter(ActorId: Actors.Admin.Id), size: 2);
        var page2 = await ListAsync(new AuditLogFilter(ActorId: Actors.Admin.Id), size: 2, after: page1);

        Assert.Equal(4, all.TotalCount);
        Assert.Equal(new[] { third.ClientId, second.ClientId, first.ClientId }.Select(id => id.ToString()), byAdmin.Items.Select(e => e.SubjectId));
        Assert.Equal([Actors.Finance.Id], refused.Items.Select(e => e.ActorId));
        Assert.Equal([CommonErrors.NotPermitted], refused.Items[0].ErrorCodes);
        Assert.Equal([second.ClientId.ToString()], aboutSecond.Items.Select(e => e.SubjectId));
        Assert.Equal([AuditOutcome.Refused, AuditOutcome.Succeeded], window.Items.Select(e => e.Outcome));
        Assert.Equal((true, false, 3), (page1.HasNextPage, page1.HasPreviousPage, page1.TotalCount));
        Assert.Equal((false, true), (page2.HasNextPage, page2.HasPreviousPage));
        Assert.Equal(byAdmin.Items.Select(e => e.Id), page1.Items.Concat(page2.Items).Select(e => e.Id));
    }

    [Fact]
    public async Task AWindowThatEndsBeforeItStarts_OrAnOversizedPage_IsRefusedWithACode()
    {
        var backwards = await _host.QueryAsync<ListAuditLog, AuditLogPage>(new ListAuditLog(new AuditLogRequest(
            new AuditLogFilter(From: ErpTestHost.Start, To: ErpTestHost.Start.AddDays(-1)), 10)));
        var oversized = await _host.QueryAsync<ListAuditLog, AuditLogPage>(new ListAuditLog(new AuditLogRequest(new AuditLogFilter(), AuditLogRequest.MaxSize + 1)));

        Assert.Equal((CommonErrors.ValidationFailed, "filter.to"), (backwards.Error.Code, backwards.Error.Field));
        Assert.Equal((CommonErrors.ValidationFailed, "first"), (oversized.Error.Code, oversized.Error.Field));
    }
}
