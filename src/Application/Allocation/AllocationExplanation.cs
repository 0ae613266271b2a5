using System.Globalization;
using System.Text;

namespace EcomErp.Application.Allocation;

/// <summary>Turns a line's decision into the sentence a planner reads in the dry run.</summary>
internal static class AllocationExplanation
{
    public static string Explain(LinePlan line)
    {
        var text = new StringBuilder();
        if (line.Substitute is { } substitute)
            text.Append(CultureInfo.InvariantCulture, $"{line.Sku} has too little usable stock; substitute {substitute} is used. ");
        var allocations = line.Allocations.Span;
        var first = allocations.Length > 0 ? allocations[0].Location.Value : "";
        var other = line.ComparedWith?.Value ?? "";
        text.Append(line.DecidedBy switch
        {
            AllocationReason.OneShipment => $"{first} was preferred over {other}: it leaves fewer units for other shipments (one shipment).",
            AllocationReason.ShipToRegion => $"{first} was preferred over {other}: it is in the ship-to region (ship-to region).",
            AllocationReason.LocationPriority => $"{first} was preferred over {other}: it has the higher location priority (location priority).",
            AllocationReason.StockDepth => $"{first} was preferred over {other}: it holds more usable stock (stock depth).",
            AllocationReason.ChannelPreference => $"{first} and {other} tie on every rule; {first} comes first in the channel's location list.",
            AllocationReason.OnlyCandidate => $"{first} is the only eligible location that can serve it.",
            AllocationReason.AlternateLocation => $"The primary locations cannot serve it; it is routed to the alternate location {first}.",
            AllocationReason.ShipCompleteNotPossible => "The channel ships complete and no single location can serve the whole order.",
            AllocationReason.NoStock => "No eligible or alternate location has usable stock.",
            _ => line.DecidedBy.ToString(),
        });
        if (allocations.Length > 1)
        {
            text.Append(" Split: ");
            for (var i = 0; i < allocations.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}{allocations[i].Quantity} from {allocations[i].Location}");
            text.Append('.');
        }
        if (line.Backordered > 0)
            text.Append(CultureInfo.InvariantCulture, $" {line.Backordered} backordered.");
        if (line.Short > 0)
            text.Append(CultureInfo.InvariantCulture, $" {line.Short} short: the channel does not backorder (inventory shortfall).");
        return text.ToString();
    }
}
