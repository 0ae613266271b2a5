using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// Lists run in the database: 24 orders over three channels, two captured per minute (ties on the time) and
/// totals of 25, 50, 75 and 100 euros (ties on the total), half of them allocated.
/// </summary>
public sealed class OrderListTests : IAsyncLifetime
{
    private static readonly string[] Channels = ["WEB", "MKT-ZALANDO", "MKT-AMAZON"];

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        for (var i = 0; i < 24; i++)
        {
            if (i == 12)
                await _host.DispatchOutboxAsync();
            if (i % 2 == 0)
                _host.Time.Advance(TimeSpan.FromMinutes(1));
            await _host.CaptureAsync(Channels[i % 3], $"L-{i:00}", ("TEE-CREW-M-BLK", i % 4 + 1, 25m));
        }
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(OrderSortField.CapturedAt, false)]
    [InlineData(OrderSortField.CapturedAt, true)]
    [InlineData(OrderSortField.Total, false)]
    [InlineData(OrderSortField.Total, true)]
    public async Task Paging_WithCursors_NeitherSkipsNorRepeats_InBothDirections(OrderSortField sort, bool descending)
    {
        var whole = await ListAsync(new OrderFilter(), sort, descending, first: 100);
        var paged = await PageThroughAsync(new OrderFilter(), sort, descending, pageSize: 5);

        Assert.Equal(24, whole.TotalCount);
        Assert.Equal(whole.Items.Select(o => o.Id), paged.Select(o => o.Id));
        Assert.Equal(24, paged.Select(o => o.Id).Distinct().Count());
        var keys = paged.Select(o => sort == OrderSortField.Total ? o.TotalMinor : o.CapturedAt.UtcTicks).ToList();
        Assert.Equal(descending ? keys.OrderDescending() : keys.Order(), keys);
    }

    [Theory]
    [InlineData(OrderSortField.CapturedAt, false)]
    [InlineData(OrderSortField.UpdatedAt, true)]
    [InlineData(OrderSortField.Total, true)]
    [InlineData(OrderSortField.Status, false)]
    [InlineData(OrderSortField.Status, true)]
    [InlineData(OrderSortField.ShipBy, false)]
    [InlineData(OrderSortField.Priority, true)]
    public async Task PagingBackward_FromTheEnd_GivesTheSameItemsAsPagingForward_WithPageInfoRightEitherWay(OrderSortField sort, bool descending)
    {
        var forward = await PageThroughAsync(new OrderFilter(), sort, descending, pageSize: 5);

        var backward = new List<OrderSummaryView>();
        OrderCursor? before = null;
        OrderPage page;
        do
        {
            page = await _host.QueryAsync(q => q.ListAsync(
                new OrderListRequest(new OrderFilter(), sort, descending, 5, null, null, FromTheEnd: true, Before: before), CancellationToken.None));
            Assert.Equal(before is not null, page.HasNextPage);
            backward.InsertRange(0, page.Items);
            before = page.Cursors.Count > 0 ? page.Cursors[0] : null;
        }
        while (page.HasPreviousPage);

        Assert.Equal(forward.Select(o => o.Id), backward.Select(o => o.Id));
        Assert.Equal(24, backward.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public async Task APageBetweenTwoCursors_KnowsThereAreItemsOnBothSides()
    {
        var whole = await ListAsync(new OrderFilter(), OrderSortField.CapturedAt, false, first: 100);

        var page = await _host.QueryAsync(q => q.ListAsync(new OrderListRequest(new OrderFilter(), OrderSortField.CapturedAt, false, 100,
            whole.Cursors[3], null, Before: whole.Cursors[10]), CancellationToken.None));

        Assert.Equal(whole.Items.Skip(4).Take(6).Select(o => o.Id), page.Items.Select(o => o.Id));
        Assert.True(page.HasPreviousPage);
        Assert.True(page.HasNextPage);
        var first = await ListAsync(new OrderFilter(), OrderSortField.CapturedAt, false, first: 5);
        Assert.False(first.HasPreviousPage);
        Assert.True(first.HasNextPage);
    }

    [Fact]
    public async Task SortByStatus_FollowsTheWorkflow_NotTheStoredNumbers()
    {
        var all = await ListAsync(new OrderFilter(), OrderSortField.CapturedAt, false, first: 100);
        await _host.SendAsync(new Application.Orders.CancelOrder.CancelOrder(all.Items[^1].Id, Actor.System, "Customer changed their mind"));
        await _host.SendAsync(new Application.Orders.ReleaseOrder.ReleaseOrder(all.Items[0].Id, Actor.System));
        await _host.ProjectReadModelsAsync();

        var sorted = await PageThroughAsync(new OrderFilter(), OrderSortField.Status, false, pageSize: 7);

        var ranks = sorted.Select(o => OrderWorkflow.RankOf(o.Status)).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal([OrderStatus.Captured, OrderStatus.Allocated, OrderStatus.Released, OrderStatus.Cancelled], sorted.Select(o => o.Status).Distinct());
    }

    [Fact]
    public async Task Filters_OnCustomerEmailAndExternalId_MatchExactly_TheEmailInAnyCase()
    {
        var byEmail = await ListAsync(new OrderFilter(CustomerEmail: "  L-07@Example.COM "), OrderSortField.CapturedAt, false, first: 100);
        var byExternalId = await ListAsync(new OrderFilter(ExternalOrderId: "L-11"), OrderSortField.CapturedAt, false, first: 100);
        var partial = await ListAsync(new OrderFilter(CustomerEmail: "l-07@example"), OrderSortField.CapturedAt, false, first: 100);

        Assert.Equal("L-07", Assert.Single(byEmail.Items).ExternalOrderId);
        Assert.Equal("L-11", Assert.Single(byExternalId.Items).ExternalOrderId);
        Assert.Empty(partial.Items);
    }

    [Fact]
    public async Task Filters_OnHoldAndHoldTypes_SeeOnlyOpenHolds()
    {
        var all = await ListAsync(new OrderFilter(), OrderSortField.CapturedAt, false, first: 100);
        var (fraud, manual, released) = (all.Items[13].Id, all.Items[14].Id, all.Items[15].Id);
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(fraud, Actor.System, HoldType.FraudReview, "score 95"));
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(manual, Actor.System, HoldType.Manual, "customer called"));
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(released, Actor.System, HoldType.Manual, "address typo"));
        var hold = (await _host.WriteSideViewAsync(released)).Holds[0].Id;
        await _host.SendAsync(new Application.Orders.ReleaseHold.ReleaseHold(released, Actor.System, hold, "checked"));
        await _host.ProjectReadModelsAsync();

        var onHold = await ListAsync(new OrderFilter(OnHold: true), OrderSortField.CapturedAt, false, first: 100);
        var notOnHold = await ListAsync(new OrderFilter(OnHold: false), OrderSortField.CapturedAt, false, first: 100);
        var fraudHolds = await ListAsync(new OrderFilter(HoldTypes: [HoldType.FraudReview]), OrderSortField.CapturedAt, false, first: 100);
        var either = await ListAsync(new OrderFilter(HoldTypes: [HoldType.CreditCheck, HoldType.Manual, HoldType.FraudReview]), OrderSortField.CapturedAt, false, first: 100);

        Assert.Equal([fraud, manual], onHold.Items.Select(o => o.Id));
        Assert.Equal(22, notOnHold.TotalCount);
        Assert.Equal([fraud], fraudHolds.Items.Select(o => o.Id));
        Assert.Equal([fraud, manual], either.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task SortByShipBy_OrdersByTheDeadline()
    {
        var sorted = await PageThroughAsync(new OrderFilter(), OrderSortField.ShipBy, false, pageSize: 7);

        Assert.Equal(24, sorted.Count);
        Assert.Equal(sorted.Select(o => o.ShipBy).Order(), sorted.Select(o => o.ShipBy));
    }

    [Fact]
    public async Task Overdue_KeepsOrdersPastTheirShipBy_WithGoodsStillToLeave_AtTheTimeOfTheQuery()
    {
        var all = await ListAsync(new OrderFilter(), OrderSortField.CapturedAt, false, first: 100);
        var cancelled = all.Items[^1].Id;
        await _host.SendAsync(new Application.Orders.CancelOrder.CancelOrder(cancelled, Actor.System, "Customer changed their mind"));
        await _host.ProjectReadModelsAsync();
        var latestShipBy = all.Items.Max(o => o.ShipBy);
        Assert.Empty((await ListAsync(new OrderFilter(Overdue: true), OrderSortField.CapturedAt, false, first: 100)).Items);

        _host.Time.SetUtcNow(latestShipBy.AddMinutes(1));
        var overdue = await ListAsync(new OrderFilter(Overdue: true), OrderSortField.CapturedAt, false, first: 100);
        var onTime = await ListAsync(new OrderFilter(Overdue: false), OrderSortField.CapturedAt, false, first: 100);

        Assert.Equal(23, overdue.TotalCount);
        Assert.DoesNotContain(cancelled, overdue.Items.Select(o => o.Id));
        Assert.All(overdue.Items, o => Assert.True(o.IsOverdueAt(_host.Time.GetUtcNow())));
        Assert.Equal([cancelled], onTime.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Filters_OnStatusChannelAndCapturedRange_CombineAndCount()
    {
        var from = ErpTestHost.Start.AddMinutes(2);
        var to = ErpTestHost.Start.AddMinutes(6);
        var filter = new OrderFilter([OrderStatus.Allocated], ["web", "MKT-AMAZON"], from, to);

        var page = await ListAsync(filter, OrderSortField.CapturedAt, false, first: 100);

        // Minutes 2..5 hold orders 2..9; of those, WEB and MKT-AMAZON are 2, 3, 5, 6, 8, 9 - all among the allocated first twelve.
        Assert.Equal(["L-02", "L-03", "L-05", "L-06", "L-08", "L-09"], page.Items.Select(o => o.ExternalOrderId).Order());
        Assert.Equal(6, page.TotalCount);
        Assert.All(page.Items, o => Assert.Equal(OrderStatus.Allocated, o.Status));
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task VisibleChannels_HideOtherChannels_EvenWhenTheFilterAsksForThem()
    {
        var request = new OrderListRequest(new OrderFilter(Channels: ["WEB", "MKT-ZALANDO"]), OrderSortField.Total, true, 100, null, ["MKT-ZALANDO"]);

        var page = await _host.QueryAsync(q => q.ListAsync(request, CancellationToken.None));

        Assert.Equal(8, page.TotalCount);
        Assert.All(page.Items, o => Assert.Equal("MKT-ZALANDO", o.Channel));
        Assert.Empty((await _host.QueryAsync(q => q.ListAsync(request with { VisibleChannels = [] }, CancellationToken.None))).Items);
    }

    [Fact]
    public async Task List_ReadsOnlyTheReadTable()
    {
        _host.Commands.Reset();

        await PageThroughAsync(new OrderFilter(), OrderSortField.CapturedAt, false, pageSize: 10);

        Assert.Equal(0, _host.Commands.Touching("Orders"));
        Assert.True(_host.Commands.Touching("OrderReadModels") > 0);
    }

    [Fact]
    public async Task FindByExternalId_FindsTheOrderOfThatChannelOnly()
    {
        var found = await _host.QueryAsync(q => q.FindByExternalIdAsync("web", "L-00", CancellationToken.None));

        Assert.NotNull(found);
        Assert.Equal("WEB", found.Channel);
        Assert.Null(await _host.QueryAsync(q => q.FindByExternalIdAsync("MKT-AMAZON", "L-00", CancellationToken.None)));
    }

    private Task<OrderPage> ListAsync(OrderFilter filter, OrderSortField sort, bool descending, int first, OrderCursor? after = null) =>
        _host.QueryAsync(q => q.ListAsync(new OrderListRequest(filter, sort, descending, first, after, null), CancellationToken.None));

    private async Task<List<OrderSummaryView>> PageThroughAsync(OrderFilter filter, OrderSortField sort, bool descending, int pageSize)
    {
        var all = new List<OrderSummaryView>();
        OrderCursor? after = null;
        OrderPage page;
        do
        {
            page = await ListAsync(filter, sort, descending, pageSize, after);
            Assert.Equal(page.Items.Count, page.Cursors.Count);
            all.AddRange(page.Items);
            after = page.Cursors.Count > 0 ? page.Cursors[^1] : null;
        }
        while (page.HasNextPage);
        return all;
    }
}
