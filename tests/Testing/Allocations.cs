using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

/// <summary>Allocation decisions as the Application would hand them to an order, over the units it still needs.</summary>
public static class Allocations
{
    public static readonly LocationCode Berlin = LocationCode.Of("WH-BER");
    public static readonly LocationCode Leeds = LocationCode.Of("WH-LDS");
    public static readonly Currency Euro = Currency.Of("EUR");

    /// <summary>What a shipment from each location is estimated to cost, in cents.</summary>
    public static readonly IReadOnlyDictionary<LocationCode, long> Costs = new Dictionary<LocationCode, long> { [Berlin] = 0, [Leeds] = 850 };

    /// <summary>Every unit the order still needs, from Berlin.</summary>
    public static AllocationDecision Everything(Order order) =>
        Decide(order, line => [new AllocatedUnits(line.LineNumber, line.Sku, Berlin, Needed(line))], _ => (0, 0));

    /// <summary>No unit in stock: everything backordered.</summary>
    public static AllocationDecision NothingInStock(Order order) => Decide(order, _ => [], line => (Needed(line), 0));

    /// <summary>No unit in stock and the channel allows no backorder: everything short.</summary>
    public static AllocationDecision NothingAndNoBackorder(Order order) => Decide(order, _ => [], line => (0, Needed(line)));

    /// <summary>One unit of the first line still needing units from Berlin; the rest backordered.</summary>
    public static AllocationDecision OneUnit(Order order)
    {
        var first = order.Lines.FirstOrDefault(l => Needed(l) > 0)?.LineNumber;
        return Decide(order,
            line => line.LineNumber == first ? [new AllocatedUnits(line.LineNumber, line.Sku, Berlin, 1)] : [],
            line => (Needed(line) - (line.LineNumber == first ? 1 : 0), 0));
    }

    /// <summary>The first unit of the first line from Berlin, everything else from Leeds: two shipments when there are two units.</summary>
    public static AllocationDecision Split(Order order)
    {
        var first = order.Lines.FirstOrDefault(l => Needed(l) > 0)?.LineNumber;
        return Decide(order, line =>
        {
            var fromBerlin = line.LineNumber == first ? 1 : 0;
            var units = new List<AllocatedUnits>();
            if (fromBerlin > 0)
                units.Add(new AllocatedUnits(line.LineNumber, line.Sku, Berlin, fromBerlin));
            if (Needed(line) > fromBerlin)
                units.Add(new AllocatedUnits(line.LineNumber, line.Sku, Leeds, Needed(line) - fromBerlin));
            return units;
        }, _ => (0, 0));
    }

    public static AllocationDecision Decide(Order order, Func<OrderLine, IEnumerable<AllocatedUnits>> allocate,
        Func<OrderLine, (int Backordered, int Short)> unallocated) =>
        new([.. order.Lines.Where(l => Needed(l) > 0).SelectMany(allocate)],
            [.. order.Lines.Where(l => Needed(l) > 0).Select(l => (l.LineNumber, Units: unallocated(l)))
                .Where(x => x.Units.Backordered > 0 || x.Units.Short > 0)
                .Select(x => new UnallocatedUnits(x.LineNumber, x.Units.Backordered, x.Units.Short))],
            Euro, Costs);

    public static int Needed(OrderLine line) => line.Quantity - line.AllocatedQuantity;
}
