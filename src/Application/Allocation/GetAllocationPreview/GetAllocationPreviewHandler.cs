using System.Globalization;
using System.Text;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Allocation.GetAllocationPreview;

/// <summary>
/// Plans on a snapshot filled from the inventory position read model (Available and SafetyStock per location) with
/// the planner the write side uses, and answers the plan. It reads read models and master data only: no balance row,
/// no reservation, no event.
/// </summary>
internal sealed class GetAllocationPreviewHandler(
    IOrderReadModels orders,
    IInventoryPositionReadModels positions,
    AllocationSetupLoader setups,
    IValidator<GetAllocationPreview> validator,
    TimeProvider clock) : IQueryHandler<GetAllocationPreview, AllocationPreviewView>
{
    public async Task<Result<AllocationPreviewView>> HandleAsync(GetAllocationPreview query, CancellationToken cancellationToken)
    {
        if ((query.OrderId is null) == (query.Order is null))
            return AllocationPreviewErrors.OneSourceRequired();
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<AllocationPreviewView>.Failure(valid.Errors);
        return query.OrderId is { } orderId
            ? await PreviewStoredOrderAsync(orderId, query.VisibleChannels, cancellationToken)
            : await PreviewUnsavedOrderAsync(query.Order!, query.VisibleChannels, cancellationToken);
    }

    private async Task<Result<AllocationPreviewView>> PreviewStoredOrderAsync(Guid orderId, IReadOnlyCollection<string>? visibleChannels,
        CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || !MaySee(visibleChannels, order.Channel))
            return AllocationPreviewErrors.OrderNotFound(orderId);

        var subject = new Subject(order.Id, order.Channel, order.ShipTo.Country, null, order.ServiceLevel, order.Priority,
            [.. order.Lines.Select(l => new SubjectLine(l.LineNumber, l.Sku, l.Quantity, l.AllocatedQuantity))],
            [.. order.Holds.Where(h => h.ReleasedAt is null).Select(h => h.Type)]);
        if (order.Status == OrderStatus.Cancelled)
            return NothingToAllocate(subject, $"Order {order.Id} is cancelled; nothing is allocated for it.", "The order is cancelled.");
        if (subject.Lines.All(l => l.Open == 0))
            return NothingToAllocate(subject, $"Every unit of order {order.Id} is already allocated (status {order.Status}); nothing is left to plan.",
                null);

        var request = AllocationRequests.ForOrder(order);
        var setup = await setups.LoadAsync(request, cancellationToken);
        if (setup.IsFailure)
            return Result<AllocationPreviewView>.Failure(setup.Errors);
        return await PlanAsync(subject, setup.Value, cancellationToken);
    }

    private async Task<Result<AllocationPreviewView>> PreviewUnsavedOrderAsync(AllocationPreviewOrder draft, IReadOnlyCollection<string>? visibleChannels,
        CancellationToken cancellationToken)
    {
        var channel = ChannelCode.Of(draft.Channel);
        if (!MaySee(visibleChannels, channel.Value))
            return AllocationPreviewErrors.ChannelNotFound(channel);

        var country = draft.ShipToCountry.Trim().ToUpperInvariant();
        var region = string.IsNullOrWhiteSpace(draft.ShipToRegion) ? null : draft.ShipToRegion.Trim().ToUpperInvariant();
        var priority = draft.Priority ?? OrderDraftFactory.DefaultPriority(draft.ServiceLevel);
        var skus = draft.Lines.Select(l => SkuCode.Of(l.Sku)).ToList();
        var subject = new Subject(null, channel.Value, country, region, draft.ServiceLevel, priority,
            [.. draft.Lines.Select((l, i) => new SubjectLine(i + 1, skus[i].Value, l.Quantity, 0))], []);
        var request = new AllocationRequest(new OrderId(Guid.Empty), channel,
            [.. draft.Lines.Select((l, i) => new AllocationRequestLine(subject.Lines[i].LineNumber, skus[i], l.Quantity))],
            country, region, draft.ServiceLevel, priority, clock.GetUtcNow());

        var setup = await setups.LoadAsync(request, cancellationToken);
        if (setup.IsFailure)
            return Result<AllocationPreviewView>.Failure([.. setup.Errors.Select(InTheUnsavedOrder)]);
        return await PlanAsync(subject, setup.Value, cancellationToken);
    }

    private async Task<Result<AllocationPreviewView>> PlanAsync(Subject subject, AllocationSetup setup, CancellationToken cancellationToken)
    {
        var (stock, asOfSequence) = await SnapshotAsync(setup, cancellationToken);
        var before = stock.Clone();
        var plan = new AllocationPlanner().Plan(setup, stock);

        var lines = new List<AllocationPreviewLineView>(subject.Lines.Count);
        var byLocation = new Dictionary<LocationCode, List<AllocationPreviewShipmentLineView>>();
        var fromAlternate = new HashSet<LocationCode>();
        var drawsOnSafetyStock = false;
        var planned = plan.Lines.ToDictionary(l => l.LineNumber);
        foreach (var line in subject.Lines)
        {
            if (line.Open == 0)
            {
                lines.Add(AlreadyAllocated(line, null));
                continue;
            }
            var linePlan = planned[line.LineNumber];
            var allocations = new List<AllocationPreviewAllocationView>(linePlan.Allocations.Length);
            foreach (var allocation in linePlan.Allocations.ToArray())
            {
                var usableWithoutSafetyStock = StockSnapshot.UsableStock(
                    before.AvailableAt(allocation.Sku, allocation.Location), before.SafetyStockAt(allocation.Sku, allocation.Location), drawOnSafetyStock: false);
                var safetyStockUnits = Math.Max(0, allocation.Quantity - usableWithoutSafetyStock);
                drawsOnSafetyStock |= safetyStockUnits > 0;
                allocations.Add(new AllocationPreviewAllocationView(allocation.Location.Value, allocation.Sku.Value, allocation.Quantity,
                    allocation.FromAlternateLocation, safetyStockUnits));
                if (!byLocation.TryGetValue(allocation.Location, out var shipped))
                    byLocation[allocation.Location] = shipped = [];
                shipped.Add(new AllocationPreviewShipmentLineView(line.LineNumber, allocation.Sku.Value, allocation.Quantity));
                if (allocation.FromAlternateLocation)
                    fromAlternate.Add(allocation.Location);
            }
            lines.Add(new AllocationPreviewLineView(line.LineNumber, line.Sku, linePlan.Substitute?.Value, line.Ordered, line.AlreadyAllocated,
                linePlan.Allocated, linePlan.Backordered, linePlan.Short, allocations, linePlan.DecidedBy, linePlan.ComparedWith?.Value,
                linePlan.Explanation));
        }
        var shipments = plan.ShipFrom
            .Select(location => new AllocationPreviewShipmentView(location.Value, fromAlternate.Contains(location), byLocation[location]))
            .ToList();
        var status = plan.Status switch
        {
            AllocationPlanStatus.Complete => AllocationPreviewStatus.Complete,
            AllocationPlanStatus.Partial => AllocationPreviewStatus.Partial,
            AllocationPlanStatus.Backordered => AllocationPreviewStatus.Backordered,
            _ => AllocationPreviewStatus.Short,
        };
        return new AllocationPreviewView(subject.OrderId, subject.Channel, status,
            Summarize(subject, status, lines, shipments, plan.EstimatedSplitCost, drawsOnSafetyStock),
            subject.ShipToCountry, subject.ShipToRegion, subject.ServiceLevel, subject.Priority, lines, shipments,
            plan.EstimatedSplitCost, plan.MayDrawOnSafetyStock, drawsOnSafetyStock, asOfSequence);
    }

    /// <summary>Available and safety stock of every balance of the network, from the read model; a SKU never stocked has none.</summary>
    private async Task<(StockSnapshot Stock, long AsOfSequence)> SnapshotAsync(AllocationSetup setup, CancellationToken cancellationToken)
    {
        var network = setup.Network;
        var stock = network.CreateSnapshot();
        long asOf = 0;
        var projected = await positions.GetManyAsync([.. setup.Skus.Select(s => s.Value)], cancellationToken);
        foreach (var sku in setup.Skus)
        {
            if (!projected.TryGetValue(sku.Value, out var position))
                continue;
            asOf = Math.Max(asOf, position.LastSequence);
            foreach (var at in position.Locations)
            {
                if (LocationCode.Create(at.Location) is { IsSuccess: true } location && network.TryGetLocationId(location.Value, out _))
                    stock.Set(sku, location.Value, Math.Max(0, at.Levels.Available), Math.Max(0, at.SafetyStock));
            }
        }
        return (stock, asOf);
    }

    private static AllocationPreviewView NothingToAllocate(Subject subject, string summary, string? why) =>
        new(subject.OrderId, subject.Channel, AllocationPreviewStatus.NothingToAllocate, summary, subject.ShipToCountry, subject.ShipToRegion,
            subject.ServiceLevel, subject.Priority, [.. subject.Lines.Select(l => AlreadyAllocated(l, why))], [], null, false, false, 0);

    private static AllocationPreviewLineView AlreadyAllocated(SubjectLine line, string? why) =>
        new(line.LineNumber, line.Sku, null, line.Ordered, line.AlreadyAllocated, 0, 0, 0, [], null, null,
            why ?? string.Create(CultureInfo.InvariantCulture, $"All {line.Ordered} units are already allocated."));

    private static string Summarize(Subject subject, AllocationPreviewStatus status, IReadOnlyList<AllocationPreviewLineView> lines,
        List<AllocationPreviewShipmentView> shipments, Money cost, bool drawsOnSafetyStock)
    {
        var (allocated, backordered, shortUnits) = (lines.Sum(l => l.Allocated), lines.Sum(l => l.Backordered), lines.Sum(l => l.Short));
        var toPlan = allocated + backordered + shortUnits;
        var from = shipments.Count == 0 ? ""
            : string.Create(CultureInfo.InvariantCulture, $" in {shipments.Count} shipment(s) from {string.Join(", ", shipments.Select(s => s.Location))}");
        var allocatedToo = allocated > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {allocated} can be allocated{from}.") : ".";
        FormattableString headline = status switch
        {
            AllocationPreviewStatus.Complete => $"All {toPlan} unit(s) can be allocated{from}.",
            AllocationPreviewStatus.Partial => $"{allocated} of {toPlan} unit(s) can be allocated{from}; {backordered} would be backordered.",
            AllocationPreviewStatus.Backordered => $"No unit can be allocated now; all {toPlan} would be backordered.",
            _ => $"{shortUnits} of {toPlan} unit(s) can be neither allocated nor backordered: allocating would place an inventory shortfall hold{allocatedToo}",
        };
        var text = new StringBuilder(headline.ToString(CultureInfo.InvariantCulture));
        if (shipments.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $" Estimated split/expedite cost: {cost}.");
        if (drawsOnSafetyStock)
            text.Append(" The plan draws on safety stock.");
        if (subject.OpenHolds.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $" The order is on hold ({string.Join(", ", subject.OpenHolds)}): allocation waits until it is released.");
        return text.ToString();
    }

    /// <summary>The unsaved order is the query's <c>order</c> argument: its channel's and lines' mistakes are reported there.</summary>
    private static Error InTheUnsavedOrder(Error error) =>
        error.Field is { } field && (field == "channel" || field.StartsWith("lines[", StringComparison.Ordinal))
            ? error with { Field = $"order.{field}" }
            : error;

    private static bool MaySee(IReadOnlyCollection<string>? visibleChannels, string channel) =>
        visibleChannels is null || visibleChannels.Contains(channel, StringComparer.Ordinal);

    /// <summary>What is previewed, stored or not: the order's lines with what they have allocated, and its open holds.</summary>
    private sealed record Subject(
        Guid? OrderId, string Channel, string ShipToCountry, string? ShipToRegion, ServiceLevel ServiceLevel, OrderPriority Priority,
        IReadOnlyList<SubjectLine> Lines, IReadOnlyList<HoldType> OpenHolds);

    private sealed record SubjectLine(int LineNumber, string Sku, int Ordered, int AlreadyAllocated)
    {
        public int Open => Ordered - AlreadyAllocated;
    }
}
