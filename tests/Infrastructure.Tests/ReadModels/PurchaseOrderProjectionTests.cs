using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.CancelPurchaseOrder;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ListPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class PurchaseOrderProjectionTests : IAsyncLifetime
{
    private const string Location = "WH-LEEDS";
    private static readonly DateOnly Today = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSeededOrders_AreProjected_AsTheWriteSideHoldsThem()
    {
        var writeSide = await WriteSideOrdersAsync();
        var page = await ListAsync(new PurchaseOrderListFilter(), first: 100);

        Assert.Equal(3, writeSide.Count);
        Assert.Equal(writeSide.Count, page.TotalCount);
        foreach (var order in writeSide)
        {
            var view = Assert.Single(page.Items, v => v.Id == order.Id);
            Assert.Equal((order.Supplier, order.Location, order.Status), (view.Supplier, view.Location, view.Status));
            AssertSameOrder(order, view);
            Assert.Equal(ErpTestHost.Start, view.ConfirmedAt);
        }
    }

    [Fact]
    public async Task AnOrder_ThroughItsLife_ShowsEachStep_WithItsTime()
    {
        var sku = "TEE-CREW-M-BLK";
        var created = await SendAsync(new CreatePurchaseOrder(Actor.System, "textil-porto", Location,
            [new CreatePurchaseOrderLine(sku, 10, Today.AddDays(5)), new CreatePurchaseOrderLine("TEE-CREW-L-BLK", 4, Today.AddDays(9))]));
        await _host.ProjectReadModelsAsync();
        var draft = await GetAsync(created.Id);

        _host.Time.Advance(TimeSpan.FromHours(1));
        await SendAsync(new ConfirmPurchaseOrder(Actor.System, created.Id));
        _host.Time.Advance(TimeSpan.FromHours(1));
        await SendAsync(new ReceivePurchaseOrder(Actor.System, created.Id, [new ReceivedLine(sku, 10)]));
        await _host.ProjectReadModelsAsync();
        var partly = await GetAsync(created.Id);

        _host.Time.Advance(TimeSpan.FromHours(1));
        var answered = await SendAsync(new ReceivePurchaseOrder(Actor.System, created.Id, [new ReceivedLine("TEE-CREW-L-BLK", 4)]));
        await _host.ProjectReadModelsAsync();
        var received = await GetAsync(created.Id);

        Assert.Equal((PurchaseOrderStatus.Draft, "TEXTIL-PORTO", Location, ErpTestHost.Start, (DateTimeOffset?)null, Today.AddDays(5)),
            (draft.Status, draft.Supplier, draft.Location, draft.CreatedAt, draft.ConfirmedAt, draft.NextExpectedOn));
        Assert.Equal((PurchaseOrderStatus.PartiallyReceived, ErpTestHost.Start.AddHours(1), ErpTestHost.Start.AddHours(2), Today.AddDays(9)),
            (partly.Status, partly.ConfirmedAt!.Value, partly.LastReceiptAt!.Value, partly.NextExpectedOn!.Value));
        Assert.Equal([10, 0], partly.Lines.Select(l => l.ReceivedQuantity));
        Assert.Equal((PurchaseOrderStatus.Received, ErpTestHost.Start.AddHours(3), (DateOnly?)null),
            (received.Status, received.UpdatedAt, received.NextExpectedOn));
        Assert.True(received.LastSequence > partly.LastSequence && partly.LastSequence > draft.LastSequence);
        Assert.Equal((await WriteSideOrdersAsync()).Single(o => o.Id == created.Id).Lines, received.Lines);
        AssertSameOrder(answered, received);
    }

    [Fact]
    public async Task ACancelledOrder_KeepsItsReason_AndExpectsNothing()
    {
        var created = await SendAsync(new CreatePurchaseOrder(Actor.System, "DENIM-IZMIR", Location, [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Today)]));
        var answered = await SendAsync(new CancelPurchaseOrder(Actor.System, created.Id, "Supplier out of cotton"));
        await _host.ProjectReadModelsAsync();

        var cancelled = await GetAsync(created.Id);
        AssertSameOrder(answered, cancelled);

        Assert.Equal((PurchaseOrderStatus.Cancelled, "Supplier out of cotton", ErpTestHost.Start, (DateOnly?)null),
            (cancelled.Status, cancelled.CancellationReason, cancelled.CancelledAt!.Value, cancelled.NextExpectedOn));
    }

    [Fact]
    public async Task Lists_FilterAndSortInTheStore_AndPageWithoutSkippingOrRepeating()
    {
        for (var i = 0; i < 5; i++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(1));
            await SendAsync(new CreatePurchaseOrder(Actor.System, i % 2 == 0 ? "TEXTIL-PORTO" : "KNIT-LISBOA", Location,
                [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Today.AddDays(30 - i))]));
        }
        await _host.ProjectReadModelsAsync();

        var drafts = await ListAsync(new PurchaseOrderListFilter(Statuses: [PurchaseOrderStatus.Draft]), first: 100);
        var knit = await ListAsync(new PurchaseOrderListFilter(Supplier: " knit-lisboa "), first: 100);
        var dueSoon = await ListAsync(new PurchaseOrderListFilter(ExpectedBefore: Today.AddDays(28)), first: 100);
        var leeds = await ListAsync(new PurchaseOrderListFilter(Location: "wh-leeds"), first: 100);

        Assert.Equal(5, drafts.TotalCount);
        Assert.Equal(drafts.Items.Select(d => d.CreatedAt).OrderDescending(), drafts.Items.Select(d => d.CreatedAt));
        Assert.Equal(2, knit.TotalCount);
        Assert.All(knit.Items, o => Assert.Equal("KNIT-LISBOA", o.Supplier));
        Assert.All(dueSoon.Items, o => Assert.True(o.NextExpectedOn < Today.AddDays(28)));
        Assert.Contains(dueSoon.Items, o => o.Status == PurchaseOrderStatus.Draft);
        Assert.All(leeds.Items, o => Assert.Equal(Location, o.Location));

        var all = await ListAsync(new PurchaseOrderListFilter(), first: 100, PurchaseOrderSortField.NextExpectedOn);
        var paged = new List<Guid>();
        PurchaseOrderCursor? after = null;
        PurchaseOrderPage page;
        do
        {
            page = await ListAsync(new PurchaseOrderListFilter(), first: 3, PurchaseOrderSortField.NextExpectedOn, after: after);
            paged.AddRange(page.Items.Select(i => i.Id));
            after = page.Cursors.Count > 0 ? page.Cursors[^1] : null;
        }
        while (page.HasNextPage);
        Assert.Equal(all.Items.Select(i => i.Id), paged);
        Assert.Equal(all.Items.Select(i => i.NextExpectedOn ?? DateOnly.MaxValue).Order(), all.Items.Select(i => i.NextExpectedOn ?? DateOnly.MaxValue));
    }

    [Theory]
    [InlineData(PurchaseOrderSortField.CreatedAt, true)]
    [InlineData(PurchaseOrderSortField.NextExpectedOn, false)]
    [InlineData(PurchaseOrderSortField.UpdatedAt, false)]
    public async Task PagingBackwardFromTheEnd_GivesTheSameOrdersAsPagingForward_WithPageInfoRightBothWays(PurchaseOrderSortField sort, bool descending)
    {
        for (var i = 0; i < 6; i++)
        {
            // Equal ETAs and creation times in pairs, so the id must break ties the same way in both directions.
            if (i % 2 == 0)
                _host.Time.Advance(TimeSpan.FromMinutes(1));
            await SendAsync(new CreatePurchaseOrder(Actor.System, "TEXTIL-PORTO", Location, [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Today.AddDays(10 + i / 2))]));
        }
        await _host.ProjectReadModelsAsync();
        var all = (await ListAsync(new PurchaseOrderListFilter(), new PurchaseOrderSlice(100), sort, descending)).Items.Select(i => i.Id).ToList();

        var forward = new List<Guid>();
        var forwardPages = new List<PurchaseOrderPage>();
        PurchaseOrderCursor? after = null;
        do
        {
            forwardPages.Add(await ListAsync(new PurchaseOrderListFilter(), new PurchaseOrderSlice(4, After: after), sort, descending));
            forward.AddRange(forwardPages[^1].Items.Select(i => i.Id));
            after = forwardPages[^1].Cursors[^1];
        }
        while (forwardPages[^1].HasNextPage);

        var backward = new List<Guid>();
        var backwardPages = new List<PurchaseOrderPage>();
        PurchaseOrderCursor? before = null;
        do
        {
            backwardPages.Add(await ListAsync(new PurchaseOrderListFilter(), new PurchaseOrderSlice(4, FromTheEnd: true, Before: before), sort, descending));
            backward.InsertRange(0, backwardPages[^1].Items.Select(i => i.Id));
            before = backwardPages[^1].Cursors[0];
        }
        while (backwardPages[^1].HasPreviousPage);

        Assert.True(all.Count >= 9, $"{all.Count} orders");
        Assert.Equal(all, forward);
        Assert.Equal(all, backward);
        Assert.Equal([false, .. Enumerable.Repeat(true, forwardPages.Count - 1)], forwardPages.Select(p => p.HasPreviousPage));
        Assert.Equal([.. Enumerable.Repeat(true, forwardPages.Count - 1), false], forwardPages.Select(p => p.HasNextPage));
        Assert.Equal([false, .. Enumerable.Repeat(true, backwardPages.Count - 1)], backwardPages.Select(p => p.HasNextPage));
        Assert.Equal([.. Enumerable.Repeat(true, backwardPages.Count - 1), false], backwardPages.Select(p => p.HasPreviousPage));

        // A page between two cursors holds exactly the orders between them.
        var middle = await ListAsync(new PurchaseOrderListFilter(),
            new PurchaseOrderSlice(100, After: forwardPages[0].Cursors[0], Before: forwardPages[^1].Cursors[^1]), sort, descending);
        Assert.Equal(all[1..^1], middle.Items.Select(i => i.Id));
        Assert.True(middle.HasPreviousPage && middle.HasNextPage);
    }

    [Fact]
    public async Task BadInput_IsNamedErrors()
    {
        var malformed = await _host.InScopeAsync(sp => Handler(sp).HandleAsync(
            new ListPurchaseOrders(new PurchaseOrderListFilter(Supplier: "no supplier!", Location: "  "), PurchaseOrderSortField.CreatedAt, true, new PurchaseOrderSlice(10)),
            CancellationToken.None));
        var unknown = await _host.InScopeAsync(sp => Handler(sp).HandleAsync(
            new ListPurchaseOrders(new PurchaseOrderListFilter(Location: "WH-NOWHERE"), PurchaseOrderSortField.CreatedAt, true, new PurchaseOrderSlice(10)), CancellationToken.None));

        Assert.Equal([(InventoryErrors.SupplierInvalidCode, "filter.supplier"), ("LOCATION_CODE_INVALID", "filter.location")],
            malformed.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal([(InventoryErrors.UnknownLocationCode, "filter.location")], unknown.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public async Task Replay_ChangesNoRow_AndRebuild_ConvergesAfterDamage()
    {
        var created = await SendAsync(new CreatePurchaseOrder(Actor.System, "TEXTIL-PORTO", Location, [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Today)]));
        await SendAsync(new ConfirmPurchaseOrder(Actor.System, created.Id));
        await _host.ProjectReadModelsAsync();
        var projected = await RowsAsync();
        await _host.ExecuteSqlAsync($"DELETE FROM \"OutboxCheckpoints\" WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");
        await _host.ProjectReadModelsAsync();
        var replayed = await RowsAsync();

        await _host.ExecuteSqlAsync($"DELETE FROM \"PurchaseOrderReadModels\" WHERE \"Id\" = '{created.Id.ToString().ToUpperInvariant()}'");
        await _host.ExecuteSqlAsync("UPDATE \"PurchaseOrderReadModels\" SET \"Status\" = 4, \"Document\" = '{{}}', \"LastSequence\" = 999999");
        await _host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.Equal(4, projected.Count);
        Assert.Equal(projected, replayed);
        Assert.Equal(projected, await RowsAsync());
    }

    [Fact]
    public async Task AMissingOrUnreadableRow_IsFoldedAgainFromTheOutbox_WhenItsOrderNextChanges()
    {
        var lost = await SendAsync(new CreatePurchaseOrder(Actor.System, "TEXTIL-PORTO", Location, [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Today)]));
        var damaged = await SendAsync(new CreatePurchaseOrder(Actor.System, "TEXTIL-PORTO", Location, [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 6, Today)]));
        await _host.ProjectReadModelsAsync();
        var createdAt = (await GetAsync(lost.Id)).CreatedAt;
        await _host.ExecuteSqlAsync($"DELETE FROM \"PurchaseOrderReadModels\" WHERE \"Id\" = '{lost.Id.ToString().ToUpperInvariant()}'");
        await _host.ExecuteSqlAsync($"UPDATE \"PurchaseOrderReadModels\" SET \"Document\" = '{{{{}}}}' WHERE \"Id\" = '{damaged.Id.ToString().ToUpperInvariant()}'");

        _host.Time.Advance(TimeSpan.FromHours(1));
        await SendAsync(new ConfirmPurchaseOrder(Actor.System, lost.Id));
        await SendAsync(new ConfirmPurchaseOrder(Actor.System, damaged.Id));
        await _host.ProjectReadModelsAsync();

        foreach (var id in new[] { lost.Id, damaged.Id })
        {
            var view = await GetAsync(id);
            Assert.Equal((PurchaseOrderStatus.Confirmed, createdAt, ErpTestHost.Start.AddHours(1)), (view.Status, view.CreatedAt, view.ConfirmedAt!.Value));
            Assert.Equal((await WriteSideOrdersAsync()).Single(o => o.Id == id).Lines, view.Lines);
        }
    }

    private static IQueryHandler<ListPurchaseOrders, PurchaseOrderPage> Handler(IServiceProvider sp) =>
        sp.GetRequiredService<IQueryHandler<ListPurchaseOrders, PurchaseOrderPage>>();

    private Task<PurchaseOrderPage> ListAsync(PurchaseOrderListFilter filter, int first,
        PurchaseOrderSortField sort = PurchaseOrderSortField.CreatedAt, bool descending = true, PurchaseOrderCursor? after = null) =>
        ListAsync(filter, new PurchaseOrderSlice(first, After: after), sort, descending && sort != PurchaseOrderSortField.NextExpectedOn);

    private async Task<PurchaseOrderPage> ListAsync(PurchaseOrderListFilter filter, PurchaseOrderSlice slice, PurchaseOrderSortField sort, bool descending)
    {
        var result = await _host.InScopeAsync(sp => Handler(sp).HandleAsync(new ListPurchaseOrders(filter, sort, descending, slice), CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value;
    }

    /// <summary>A command's answer (from the aggregate) and the read model's view (from the events) show the same order.</summary>
    private static void AssertSameOrder(PurchaseOrderView fromCommand, PurchaseOrderView fromReadModel)
    {
        Assert.Null(fromCommand.LastSequence);
        Assert.NotNull(fromReadModel.LastSequence);
        Assert.Equal(fromCommand.Lines, fromReadModel.Lines);
        Assert.Equal(fromCommand with { Lines = [], LastSequence = null }, fromReadModel with { Lines = [], LastSequence = null });
    }

    private async Task<PurchaseOrderView> GetAsync(Guid id) =>
        await _host.InScopeAsync(sp => sp.GetRequiredService<IPurchaseOrderReadModels>().GetAsync(id, CancellationToken.None))
        ?? throw new InvalidOperationException($"Purchase order {id} is not projected.");

    private Task<List<PurchaseOrderView>> WriteSideOrdersAsync() => _host.InScopeAsync(async sp =>
        (await sp.GetRequiredService<ErpDbContext>().Set<PurchaseOrder>().AsNoTracking().Include(o => o.Lines).ToListAsync())
        .Select(PurchaseOrderView.From).ToList());

    private Task<Dictionary<Guid, (long LastSequence, string Document)>> RowsAsync() =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<ErpDbContext>().Set<PurchaseOrderReadModel>().AsNoTracking().ToListAsync())
            .ToDictionary(r => r.Id, r => (r.LastSequence, r.Document)));

    private async Task<PurchaseOrderView> SendAsync<TCommand>(TCommand command)
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<TCommand, PurchaseOrderView>>().HandleAsync(command, CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value;
    }
}
