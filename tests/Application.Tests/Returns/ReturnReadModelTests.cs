using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Returns;

/// <summary>
/// The returns read model on the real SQLite file: fed by the projection, answering GetReturn and ListReturns (filters,
/// sorts, keyset pages, the partner's channels), rebuilt from the outbox to the same documents.
/// </summary>
public sealed class ReturnReadModelTests : ReturnScenario
{
    private static readonly Actor Zalando = new("api-client:zalando", "Zalando", [Roles.CustomerService], ["MKT-ZALANDO"]);

    [Fact]
    public async Task GetReturn_AnswersFromTheReadModel_WhichFollowsTheWriteSideOnceProjected()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 25m).WithExternalId("WEB-RM-1"), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "DEFECTIVE"));

        // Not projected yet: the write table answers, without the order's external id the read model adds.
        var unprojected = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        Assert.Equal((ReturnStatus.Authorized, null), (unprojected.Status, unprojected.ExternalOrderId));

        await Host.ProjectReadModelsAsync();
        Host.Time.Advance(TimeSpan.FromHours(5));
        await StepAsync(new ReceiveReturn(requested.ReturnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));

        // The read model answers as projected: still Authorized until the receipt is projected.
        var projected = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        Assert.Equal((ReturnStatus.Authorized, "WEB-RM-1", 0), (projected.Status, projected.ExternalOrderId, projected.UnitsReceived));

        await Host.ProjectReadModelsAsync();
        var received = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        Assert.Equal((ReturnStatus.Received, "WEB-RM-1", 2, 1, 0, 5_000L), (received.Status, received.ExternalOrderId, received.UnitsRequested,
            received.UnitsReceived, received.UnitsMissing, received.ValueMinor));
        Assert.Equal((requested.Return.RequestedAt, requested.Return.RequestedAt, Host.Time.GetUtcNow(), Host.Time.GetUtcNow()),
            (received.RequestedAt, received.AuthorizedAt, received.ReceivedAt, received.StatusChangedAt));

        Assert.Equal(ReturnErrors.NotFoundCode, (await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Zalando))).Error.Code);
    }

    [Fact]
    public async Task ListReturns_FiltersByEveryCriterion_AndAPartnerSeesOnlyItsChannels()
    {
        var (start, web, zalando, large) = await ThreeReturnsAsync();

        Assert.Equal([web, zalando, large], await IdsAsync(new ReturnFilter(), ReturnSortField.Rma));
        Assert.Equal([zalando], await IdsAsync(new ReturnFilter(Channels: [" mkt-zalando "]), ReturnSortField.Rma));
        Assert.Equal([large], await IdsAsync(new ReturnFilter(Statuses: [ReturnStatus.Requested]), ReturnSortField.Rma));
        Assert.Equal([large], await IdsAsync(new ReturnFilter(NeedsApproval: true), ReturnSortField.Rma));
        Assert.Equal([web], await IdsAsync(new ReturnFilter(Location: "wh-berlin"), ReturnSortField.Rma));
        Assert.Equal([zalando], await IdsAsync(new ReturnFilter(RmaText: "000002"), ReturnSortField.Rma));
        var largeView = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(large, Actors.CustomerService)));
        Assert.Equal([large], await IdsAsync(new ReturnFilter(OrderId: largeView.OrderId), ReturnSortField.Rma));
        Assert.Equal([zalando, large], await IdsAsync(new ReturnFilter(RequestedFrom: start.AddDays(3)), ReturnSortField.Rma));
        Assert.Equal([web], await IdsAsync(new ReturnFilter(RequestedTo: start.AddDays(3)), ReturnSortField.Rma));
        // On day 6: web has been Received for 5 days, zalando Authorized for 3, large Requested for 1.
        Assert.Equal([web], await IdsAsync(new ReturnFilter(OlderThanDays: 4), ReturnSortField.Rma));
        Assert.Equal([web, zalando], await IdsAsync(new ReturnFilter(OlderThanDays: 3), ReturnSortField.Rma));
        Assert.Equal([web, zalando, large], await IdsAsync(new ReturnFilter(OlderThanDays: 1), ReturnSortField.Rma));

        Assert.Equal([zalando], await IdsAsync(new ReturnFilter(), ReturnSortField.Rma, visibleChannels: ["MKT-ZALANDO"]));
        Assert.Empty(await IdsAsync(new ReturnFilter(Channels: ["WEB"]), ReturnSortField.Rma, visibleChannels: ["MKT-ZALANDO"]));
    }

    [Fact]
    public async Task ListReturns_SortsByRequestStatusAgeAndRma_AndPagesWithoutSkippingOrRepeating()
    {
        var (_, web, zalando, large) = await ThreeReturnsAsync();

        Assert.Equal([large, zalando, web], await IdsAsync(new ReturnFilter(), ReturnSortField.RequestedAt, descending: true));
        Assert.Equal([large, zalando, web], await IdsAsync(new ReturnFilter(), ReturnSortField.Status));
        Assert.Equal([web, zalando, large], await IdsAsync(new ReturnFilter(), ReturnSortField.Age, descending: true));
        Assert.Equal([large, zalando, web], await IdsAsync(new ReturnFilter(), ReturnSortField.Age));
        Assert.Equal([large, zalando, web], await IdsAsync(new ReturnFilter(), ReturnSortField.Rma, descending: true));

        foreach (var sort in Enum.GetValues<ReturnSortField>())
        {
            var all = await IdsAsync(new ReturnFilter(), sort);
            var first = await PageAsync(new ReturnListRequest(new ReturnFilter(), sort, false, 2, null));
            var second = await PageAsync(new ReturnListRequest(new ReturnFilter(), sort, false, 2, null, After: first.Cursors[^1]));
            Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage, first.HasPreviousPage));
            Assert.Equal((false, true), (second.HasNextPage, second.HasPreviousPage));
            Assert.Equal(all, [.. first.Items.Concat(second.Items).Select(r => r.ReturnId)]);
            var last = await PageAsync(new ReturnListRequest(new ReturnFilter(), sort, false, 2, null, FromTheEnd: true));
            Assert.Equal(all[1..], [.. last.Items.Select(r => r.ReturnId)]);
        }
    }

    [Theory]
    [InlineData(-1, null, ReturnQueryErrors.AgeInvalid, "filter.olderThanDays")]
    [InlineData(3651, null, ReturnQueryErrors.AgeInvalid, "filter.olderThanDays")]
    [InlineData(null, " ", ReturnQueryErrors.RmaTextInvalid, "filter.rmaText")]
    public async Task ListReturns_RefusesAFilterItCannotAnswer_WithACode(int? olderThanDays, string? rmaText, string code, string field)
    {
        var refused = await Host.QueryAsync<ListReturns, ReturnPage>(new ListReturns(
            new ReturnListRequest(new ReturnFilter(OlderThanDays: olderThanDays, RmaText: rmaText), ReturnSortField.RequestedAt, false, 10, null)));

        Assert.Contains(refused.Errors, e => (e.Code, e.Field) == (code, field));
    }

    [Fact]
    public async Task ListReturns_RefusesAnEmptyOrOutOfRangeRequestedRange()
    {
        var at = ErpTestHost.Start;
        var empty = await Host.QueryAsync<ListReturns, ReturnPage>(new ListReturns(new ReturnListRequest(
            new ReturnFilter(RequestedFrom: at, RequestedTo: at), ReturnSortField.RequestedAt, false, 10, null)));
        var outside = await Host.QueryAsync<ListReturns, ReturnPage>(new ListReturns(new ReturnListRequest(
            new ReturnFilter(RequestedFrom: new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero)), ReturnSortField.RequestedAt, false, 10, null)));

        Assert.Equal((ReturnQueryErrors.RequestedRangeInvalid, "filter.requestedTo"), (empty.Error.Code, empty.Error.Field));
        Assert.Equal((BusinessDates.OutOfRangeCode, "filter.requestedFrom"), (outside.Error.Code, outside.Error.Field));
    }

    [Fact]
    public async Task ARebuild_ProjectsTheSameReturnDocumentsFromTheOutbox()
    {
        await ThreeReturnsAsync();
        var before = await DocumentsAsync();

        await Host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.Equal(3, before.Count);
        Assert.Equal(before, await DocumentsAsync());
    }

    /// <summary>
    /// Day 0 a WEB return (received at Berlin on day 1), day 3 a MKT-ZALANDO return (authorised at once), day 5 one above the
    /// auto-authorise value that waits for approval; the clock then stands at day 6 and everything is projected.
    /// </summary>
    private async Task<(DateTimeOffset Start, Guid Web, Guid Zalando, Guid Large)> ThreeReturnsAsync()
    {
        var start = Host.Time.GetUtcNow();
        var webOrder = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 5));
        var web = (await RequestAsync(webOrder.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"))).ReturnId;
        var zalandoOrder = await ShippedOrderAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Hoodie, 1, 25m), (Hoodie, 5));
        var largeOrder = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 300m), (Tee, 5));

        Host.Time.SetUtcNow(start.AddDays(1));
        await StepAsync(new ReceiveReturn(web, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        Host.Time.SetUtcNow(start.AddDays(3));
        var zalando = (await RequestAsync(zalandoOrder.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE"))).ReturnId;
        Host.Time.SetUtcNow(start.AddDays(5));
        var large = (await RequestAsync(largeOrder.Id.Value, new ReturnLineDraft(1, 1, "CHANGED_MIND"))).ReturnId;
        Host.Time.SetUtcNow(start.AddDays(6));
        await Host.ProjectReadModelsAsync();
        return (start, web, zalando, large);
    }

    private async Task<List<Guid>> IdsAsync(ReturnFilter filter, ReturnSortField sort, bool descending = false, IReadOnlyCollection<string>? visibleChannels = null) =>
        [.. (await PageAsync(new ReturnListRequest(filter, sort, descending, 50, visibleChannels))).Items.Select(r => r.ReturnId)];

    private async Task<ReturnPage> PageAsync(ReturnListRequest request) =>
        Succeeded(await Host.QueryAsync<ListReturns, ReturnPage>(new ListReturns(request)));

    private Task<List<string>> DocumentsAsync() => Host.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string>("SELECT Document AS Value FROM ReturnReadModels ORDER BY RmaNumber").ToListAsync());
}
