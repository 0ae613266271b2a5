using EcomErp.Application.Allocation;
using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Tests.Inventory;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>
/// The allocation dry run on the real SQLite file, with the demo channels' policies (WEB: the three warehouses, split,
/// backorder, substitution, urgent orders draw on safety stock; MKT-ZALANDO: Berlin and Rotterdam, ship complete, no
/// backorder). Each test stocks SKUs of its own through the ledger and projects the read models, so every figure comes
/// from the test; every dry run leaves the ledger, the outbox and the documents exactly as they were.
/// </summary>
public sealed class GetAllocationPreviewTests : InventoryScenario
{
    private const string Berlin = "WH-BERLIN", Rotterdam = "WH-ROTTERDAM", Leeds = "WH-LEEDS", Poznan = "TPL-POZNAN";

    private async Task<string> NewSkuAsync(string code, params string[] substitutes)
    {
        await Host.WithDbAsync(async db =>
        {
            var euro = Currency.Of("EUR");
            var sku = Sku.Create(code, $"Preview test {code}", "PREVIEW-TEST", "M", "Black", new Money(2_000, euro), new Money(800, euro), 180,
                Host.Time.GetUtcNow()).Value;
            if (substitutes.Length > 0)
                Assert.True(sku.SetSubstitutes([.. substitutes.Select(SkuCode.Of)], Planner, Host.Time.GetUtcNow()).IsSuccess);
            db.Skus.Add(sku);
            return await db.SaveChangesAsync();
        });
        return code;
    }

    private async Task StockAsync(string sku, string location, int available, int safetyStock = 0)
    {
        // Up to the approval threshold (50) within its period, adjustments apply at once; more would wait, split or not (decision 071).
        if (available > 0)
            Assert.Equal(AdjustmentStatus.Applied, Succeeded(await SendAsync<AdjustStock, AdjustmentView>(
                new AdjustStock(Actors.Warehouse, sku, location, available, ReasonCodes.Found))).Status);
        if (safetyStock > 0)
            Succeeded(await SendAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Planner, sku, location, safetyStock)));
    }

    private Task<int> ProjectReadModelsAsync() => Host.Services.ProjectReadModelsAsync();

    /// <summary>Runs the dry run and checks that it changed nothing in the ledger, the outbox or the documents.</summary>
    private async Task<Result<AllocationPreviewView>> DryRunAsync(GetAllocationPreview query)
    {
        var before = await StateAsync();
        var result = await Host.QueryAsync<GetAllocationPreview, AllocationPreviewView>(query);
        Assert.Equal(before, await StateAsync());
        return result;
    }

    private async Task<AllocationPreviewView> PreviewAsync(AllocationPreviewBuilder order) => Succeeded(await DryRunAsync(order.Build()));

    private async Task RefusedAsync(GetAllocationPreview query, string code, string? field)
    {
        var result = await DryRunAsync(query);

        Assert.True(result.IsFailure, $"{query} was expected to fail with {code}.");
        Assert.Contains(result.Errors, e => e.Code == code && e.Field == field);
    }

    private static string Shipped(AllocationPreviewLineView line) => string.Join(", ", line.Allocations.Select(a => $"{a.Quantity}@{a.Location}"));

    [Fact]
    public async Task Preview_IsThePlanThePlannerMakesOnTheSameStock_AndReservesNothing()
    {
        var tee = await NewSkuAsync("PV-TEE-M");
        var cap = await NewSkuAsync("PV-CAP-M");
        await StockAsync(tee, Berlin, 3);
        await StockAsync(tee, Rotterdam, 4);
        await StockAsync(tee, Leeds, 6, safetyStock: 1);
        await StockAsync(cap, Berlin, 2);
        await StockAsync(cap, Leeds, 1);
        await ProjectReadModelsAsync();
        var order = new AllocationPreviewBuilder().WithLine(tee, 9).WithLine(cap, 3).ShipTo("NL").WithServiceLevel(ServiceLevel.Express);

        var preview = await PreviewAsync(order);

        var expected = await PlanOnTheBalanceRowsAsync(order.BuildOrder());
        Assert.Equal(Status(expected.Status), preview.Status);
        Assert.Equal(expected.ShipFrom.Select(l => l.Value), preview.Shipments.Select(s => s.Location));
        Assert.Equal(expected.EstimatedSplitCost, preview.EstimatedSplitCost);
        Assert.Equal(
            expected.Lines.Select(l => (l.Sku.Value, l.Allocated, l.Backordered, l.Short, (AllocationReason?)l.DecidedBy, l.ComparedWith?.Value, l.Explanation,
                string.Join(", ", l.Allocations.ToArray().Select(a => $"{a.Quantity}@{a.Location}")))),
            preview.Lines.Select(l => (l.Sku, l.Allocated, l.Backordered, l.Short, l.DecidedBy, l.ComparedWith, l.Explanation, Shipped(l))));
        Assert.Equal(0, (await BalanceAsync(tee, Berlin)).Reserved);
    }

    [Fact]
    public async Task Preview_WhenNoLocationHoldsTheWholeLine_SplitsAndPricesTheSecondShipmentAndTheExpediteFromOutsideTheRegion()
    {
        var tee = await NewSkuAsync("PV-SPLIT-M");
        await StockAsync(tee, Berlin, 3);
        await StockAsync(tee, Rotterdam, 4);
        await ProjectReadModelsAsync();

        var preview = await PreviewAsync(new AllocationPreviewBuilder().WithLine(tee, 6).ShipTo("DE").WithServiceLevel(ServiceLevel.Express));

        Assert.Equal(AllocationPreviewStatus.Complete, preview.Status);
        var line = Assert.Single(preview.Lines);
        Assert.Equal("4@WH-ROTTERDAM, 2@WH-BERLIN", Shipped(line));
        Assert.Equal((AllocationReason.OneShipment, Berlin), (line.DecidedBy!.Value, line.ComparedWith));
        Assert.Equal((6, 0, 6, 0, 0), (line.Ordered, line.AlreadyAllocated, line.Allocated, line.Backordered, line.Short));
        Assert.Equal(2, preview.ShipmentCount);
        Assert.Equal([(Rotterdam, 4), (Berlin, 2)], preview.Shipments.Select(s => (s.Location, Assert.Single(s.Lines).Quantity)));
        // The second shipment's cost (Berlin, 4.50) and the express expedite from Rotterdam, outside DE (9.50).
        Assert.Equal(new Money(1_400, Currency.Of("EUR")), preview.EstimatedSplitCost);
        Assert.Contains("Estimated split/expedite cost: 14.00 EUR", preview.Summary, StringComparison.Ordinal);
        Assert.Equal(OrderPriority.High, preview.Priority); // from the service level, as on capture
    }

    [Fact]
    public async Task Preview_BackordersWhatTheChannelCannotServeNow_WhenItAllowsBackorders()
    {
        var tee = await NewSkuAsync("PV-BACK-M");
        await StockAsync(tee, Berlin, 2);
        await ProjectReadModelsAsync();

        var preview = await PreviewAsync(new AllocationPreviewBuilder().WithLine(tee, 5));

        Assert.Equal(AllocationPreviewStatus.Partial, preview.Status);
        var line = Assert.Single(preview.Lines);
        Assert.Equal((2, 3, 0), (line.Allocated, line.Backordered, line.Short));
        Assert.Equal(AllocationReason.OnlyCandidate, line.DecidedBy);
        Assert.Contains("3 backordered", line.Explanation, StringComparison.Ordinal);
        Assert.Equal("2 of 5 unit(s) can be allocated in 1 shipment(s) from WH-BERLIN; 3 would be backordered. Estimated split/expedite cost: 0.00 EUR.",
            preview.Summary);
    }

    [Fact]
    public async Task Preview_OnAShipCompleteChannelWithoutBackorders_IsShort_WhenNoSingleLocationServesTheOrder()
    {
        var tee = await NewSkuAsync("PV-SHORT-M");
        await StockAsync(tee, Berlin, 2);
        await StockAsync(tee, Rotterdam, 2);
        await ProjectReadModelsAsync();

        var preview = await PreviewAsync(new AllocationPreviewBuilder().ForChannel("MKT-ZALANDO").WithLine(tee, 3));

        Assert.Equal(AllocationPreviewStatus.Short, preview.Status);
        var line = Assert.Single(preview.Lines);
        Assert.Equal((0, 0, 3), (line.Allocated, line.Backordered, line.Short));
        Assert.Equal(AllocationReason.ShipCompleteNotPossible, line.DecidedBy);
        Assert.Empty(preview.Shipments);
        Assert.Contains("inventory shortfall hold", preview.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_SubstitutesAnAllowedSkuWhenTheOrderedOneHasTooLittle_OnlyWhereTheChannelPermits()
    {
        var vneck = await NewSkuAsync("PV-VNECK-M");
        var crew = await NewSkuAsync("PV-CREW-M", vneck);
        await StockAsync(vneck, Rotterdam, 5);
        await ProjectReadModelsAsync();

        var web = await PreviewAsync(new AllocationPreviewBuilder().WithLine(crew, 3));
        var amazon = await PreviewAsync(new AllocationPreviewBuilder().ForChannel("MKT-AMAZON").WithLine(crew, 3));

        var line = Assert.Single(web.Lines);
        Assert.Equal((crew, vneck), (line.Sku, line.Substitute));
        Assert.Equal([(Rotterdam, vneck, 3)], line.Allocations.Select(a => (a.Location, a.Sku, a.Quantity)));
        Assert.Equal((vneck, 3), (Assert.Single(Assert.Single(web.Shipments).Lines).Sku, web.Shipments[0].Lines[0].Quantity));
        Assert.StartsWith($"{crew} has too little usable stock; substitute {vneck} is used.", line.Explanation, StringComparison.Ordinal);
        var refused = Assert.Single(amazon.Lines);
        Assert.Equal((AllocationPreviewStatus.Short, null, AllocationReason.NoStock), (amazon.Status, refused.Substitute, refused.DecidedBy));
    }

    [Fact]
    public async Task Preview_RoutesToTheChannelsAlternateLocation_WhenThePrimaryOnesCannotServe()
    {
        await Host.WithDbAsync(async db =>
        {
            var euro = Currency.Of("EUR");
            db.Locations.Add(Location.Create(Poznan, "Poznań 3PL", LocationKind.ThirdPartyLogistics, "PL", 5, CarrierCapacity.EveryLevel(800), new Money(700, euro), new Money(1_200, euro)).Value);
            return await db.SaveChangesAsync();
        });
        Succeeded(await SendAsync<SetChannelPolicy, ChannelPolicyView>(new SetChannelPolicy(Planner, "WEB", [Berlin, Rotterdam, Leeds], [Poznan],
            true, true, true, Enum.GetNames<AllocationRule>(), null, null, OrderPriority.Urgent, 48)));
        var tee = await NewSkuAsync("PV-ALT-M");
        await StockAsync(tee, Poznan, 5);
        await ProjectReadModelsAsync();

        var preview = await PreviewAsync(new AllocationPreviewBuilder().WithLine(tee, 3));

        var line = Assert.Single(preview.Lines);
        Assert.Equal(AllocationReason.AlternateLocation, line.DecidedBy);
        Assert.Equal([(Poznan, 3, true)], line.Allocations.Select(a => (a.Location, a.Quantity, a.FromAlternateLocation)));
        Assert.True(Assert.Single(preview.Shipments).FromAlternateLocation);
        Assert.Contains($"alternate location {Poznan}", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ShowsSafetyStockDrawn_OnlyForAnOrderWhosePriorityMayDrawOnIt()
    {
        var tee = await NewSkuAsync("PV-SAFE-M");
        await StockAsync(tee, Berlin, 10, safetyStock: 8);
        await ProjectReadModelsAsync();

        var urgent = await PreviewAsync(new AllocationPreviewBuilder().WithLine(tee, 5).WithPriority(OrderPriority.Urgent));
        var normal = await PreviewAsync(new AllocationPreviewBuilder().WithLine(tee, 5));

        Assert.Equal((AllocationPreviewStatus.Complete, true, true), (urgent.Status, urgent.MayDrawOnSafetyStock, urgent.DrawsOnSafetyStock));
        Assert.Equal((5, 3), (Assert.Single(urgent.Lines[0].Allocations).Quantity, urgent.Lines[0].Allocations[0].SafetyStockUnits));
        Assert.Contains("draws on safety stock", urgent.Summary, StringComparison.Ordinal);
        Assert.Equal((AllocationPreviewStatus.Partial, false, false), (normal.Status, normal.MayDrawOnSafetyStock, normal.DrawsOnSafetyStock));
        Assert.Equal((2, 3, 0), (normal.Lines[0].Allocated, normal.Lines[0].Backordered, normal.Lines[0].Allocations[0].SafetyStockUnits));
    }

    [Fact]
    public async Task Preview_ReadsStockFromTheReadModel_SoStockNotYetProjectedIsNotPromised()
    {
        var tee = await NewSkuAsync("PV-LAG-M");
        await StockAsync(tee, Berlin, 5);
        await ProjectReadModelsAsync();
        await StockAsync(tee, Berlin, 5);
        var order = new AllocationPreviewBuilder().WithLine(tee, 8);

        var beforeProjection = await PreviewAsync(order);
        await ProjectReadModelsAsync();
        var afterProjection = await PreviewAsync(order);

        Assert.Equal((AllocationPreviewStatus.Partial, 5), (beforeProjection.Status, beforeProjection.Lines[0].Allocated));
        Assert.Equal((AllocationPreviewStatus.Complete, 8), (afterProjection.Status, afterProjection.Lines[0].Allocated));
        Assert.True(afterProjection.StockAsOfSequence > beforeProjection.StockAsOfSequence);
    }

    [Fact]
    public async Task Preview_OfAStoredOrder_PlansItsUnallocatedUnits_AndOnceAllocatedSaysThereIsNothingLeftToPlan()
    {
        var tee = await NewSkuAsync("PV-STORED-M");
        await StockAsync(tee, Rotterdam, 10);
        var captured = Succeeded(await SendAsync<CaptureOrder, CapturedOrder>(
            new OrderBuilder().WithLine("TEE-CREW-S-BLK", 1).WithLine(tee, 4).BuildCommand()));
        await ProjectReadModelsAsync();

        var open = Succeeded(await DryRunAsync(new GetAllocationPreview(captured.OrderId, null)));
        await Host.DispatchOutboxAsync();
        await ProjectReadModelsAsync();
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(captured.OrderId)).Status);
        var allocated = Succeeded(await DryRunAsync(new GetAllocationPreview(captured.OrderId, null)));

        Assert.Equal((captured.OrderId, "WEB", "DE"), (open.OrderId!.Value, open.Channel, open.ShipToCountry));
        Assert.NotEqual(AllocationPreviewStatus.NothingToAllocate, open.Status);
        Assert.Equal([(1, "TEE-CREW-S-BLK", 1, 0), (2, tee, 4, 0)], open.Lines.Select(l => (l.LineNumber, l.Sku, l.Ordered, l.AlreadyAllocated)));
        Assert.Equal("4@WH-ROTTERDAM", Shipped(open.Lines[1]));
        Assert.Equal(AllocationPreviewStatus.NothingToAllocate, allocated.Status);
        Assert.Equal($"Every unit of order {captured.OrderId} is already allocated (status Allocated); nothing is left to plan.", allocated.Summary);
        Assert.All(allocated.Lines, l => Assert.Equal((l.Ordered, 0, null), (l.AlreadyAllocated, l.Allocated, l.DecidedBy)));
        Assert.Empty(allocated.Shipments);
        Assert.Null(allocated.EstimatedSplitCost);
    }

    [Fact]
    public async Task Preview_OfACancelledOrder_PlansNothingAndSaysWhy()
    {
        var captured = Succeeded(await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2).BuildCommand()));
        Succeeded(await SendAsync<CancelOrder, OrderCommandResult>(new CancelOrder(captured.OrderId, Actors.CustomerService, "Customer changed their mind")));
        await ProjectReadModelsAsync();

        var preview = Succeeded(await DryRunAsync(new GetAllocationPreview(captured.OrderId, null)));

        Assert.Equal(AllocationPreviewStatus.NothingToAllocate, preview.Status);
        Assert.Equal($"Order {captured.OrderId} is cancelled; nothing is allocated for it.", preview.Summary);
        var line = Assert.Single(preview.Lines);
        Assert.Equal((2, 0, 0, null, "The order is cancelled."), (line.Ordered, line.Allocated, line.Backordered, line.DecidedBy, line.Explanation));
        Assert.Empty(preview.Shipments);
    }

    [Fact]
    public async Task Preview_OfAnOrderOnHold_StillPlans_AndSaysAllocationWaitsForTheHold()
    {
        var tee = await NewSkuAsync("PV-HOLD-M");
        await StockAsync(tee, Berlin, 4);
        var captured = Succeeded(await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine(tee, 2).BuildCommand()));
        Succeeded(await SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(captured.OrderId, Actors.Operations, HoldType.Manual, "Customer asked us to wait")));
        await ProjectReadModelsAsync();

        var preview = Succeeded(await DryRunAsync(new GetAllocationPreview(captured.OrderId, null)));

        Assert.Equal(AllocationPreviewStatus.Complete, preview.Status);
        Assert.EndsWith("The order is on hold (Manual): allocation waits until it is released.", preview.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_RespectsTheCallersChannels_AnOrderOrChannelOutsideThemIsNotFound()
    {
        var captured = Succeeded(await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().BuildCommand()));
        await ProjectReadModelsAsync();

        await RefusedAsync(new GetAllocationPreview(captured.OrderId, null, ["MKT-AMAZON"]), "ORDER_NOT_FOUND", "orderId");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).SeenBy("MKT-AMAZON").Build(), "CHANNEL_NOT_FOUND", "order.channel");
        Assert.Equal(captured.OrderId, Succeeded(await DryRunAsync(new GetAllocationPreview(captured.OrderId, null, ["WEB"]))).OrderId);
    }

    [Fact]
    public async Task Preview_WithBadInput_AnswersNamedErrorsOnTheirFields_AndChangesNothing()
    {
        var order = new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).BuildOrder();
        var tooMany = new AllocationPreviewBuilder();
        for (var i = 0; i <= OrderErrors.MaxLines; i++)
            tooMany.WithLine($"PV-MANY-{i}", 1);

        await RefusedAsync(new GetAllocationPreview(null, null), AllocationPreviewErrors.OneSourceRequiredCode, null);
        await RefusedAsync(new GetAllocationPreview(Guid.NewGuid(), order), AllocationPreviewErrors.OneSourceRequiredCode, null);
        await RefusedAsync(new GetAllocationPreview(Guid.NewGuid(), null), "ORDER_NOT_FOUND", "orderId");
        await RefusedAsync(new AllocationPreviewBuilder().ForChannel("NO-SUCH-CHANNEL").WithLine("TEE-CREW-M-BLK", 1).Build(), "CHANNEL_NOT_FOUND", "order.channel");
        await RefusedAsync(new AllocationPreviewBuilder().ForChannel("web shop!").WithLine("TEE-CREW-M-BLK", 1).Build(), "CHANNEL_CODE_INVALID", "order.channel");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).WithLine("NO-SUCH-SKU", 1).Build(),
            AllocationErrors.UnknownSkuCode, "order.lines[1].sku");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 0).Build(), "QUANTITY_NOT_POSITIVE", "order.lines[0].quantity");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", -3).Build(), "QUANTITY_NOT_POSITIVE", "order.lines[0].quantity");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", Quantity.Max + 1).Build(), "QUANTITY_TOO_LARGE", "order.lines[0].quantity");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("tee crew", 1).Build(), "SKU_CODE_INVALID", "order.lines[0].sku");
        await RefusedAsync(new AllocationPreviewBuilder().Build(), AllocationErrors.NoLinesCode, "order.lines");
        await RefusedAsync(tooMany.Build(), AllocationErrors.TooManyLinesCode, "order.lines");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).WithLine("tee-crew-m-blk", 2).Build(),
            AllocationErrors.DuplicateLineCode, "order.lines");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).ShipTo("Germany").Build(),
            AllocationPreviewErrors.ShipToInvalidCode, "order.shipToCountry");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).ShipTo("DE", " ").Build(),
            AllocationPreviewErrors.ShipToInvalidCode, "order.shipToRegion");
        await RefusedAsync(new AllocationPreviewBuilder().WithLine("TEE-CREW-M-BLK", 1).WithServiceLevel((ServiceLevel)42).Build(),
            CommonErrors.ValidationFailed, "order.serviceLevel");
    }

    private static AllocationPreviewStatus Status(AllocationPlanStatus status) => Enum.Parse<AllocationPreviewStatus>(status.ToString());

    /// <summary>What the planner makes of the same order on the balance rows themselves (the write side's view of the stock).</summary>
    private async Task<AllocationPlan> PlanOnTheBalanceRowsAsync(AllocationPreviewOrder order)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var priority = order.Priority ?? (order.ServiceLevel == ServiceLevel.Standard ? OrderPriority.Normal : OrderPriority.High);
        var request = new AllocationRequest(new OrderId(Guid.Empty), ChannelCode.Of(order.Channel),
            [.. order.Lines.Select((l, i) => new AllocationRequestLine(i + 1, SkuCode.Of(l.Sku), l.Quantity))], order.ShipToCountry, order.ShipToRegion,
            order.ServiceLevel, priority, Host.Time.GetUtcNow());
        var setup = Succeeded(await scope.ServiceProvider.GetRequiredService<AllocationSetupLoader>().LoadAsync(request, CancellationToken.None));
        var stock = setup.Network.CreateSnapshot();
        var skus = setup.Skus.ToList();
        var balances = await Host.WithDbAsync(db => db.Set<InventoryBalance>().AsNoTracking().Where(b => skus.Contains(b.Sku)).ToListAsync());
        foreach (var balance in balances.Where(b => setup.Network.TryGetLocationId(b.Location, out _)))
            Assert.True(stock.Set(balance.Sku, balance.Location, balance.Available, balance.SafetyStock).IsSuccess);
        return new AllocationPlanner().Plan(setup, stock);
    }
}
