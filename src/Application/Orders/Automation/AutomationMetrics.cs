using System.Diagnostics.Metrics;

namespace EcomErp.Application.Orders.Automation;

/// <summary>
/// How the batched automation commits, on the <c>EcomErp</c> meter: orders changed per commit, and orders planned again
/// after a batch lost a compare-and-set race (only those whose balances or state moved are, decision 051).
/// </summary>
public sealed class AutomationMetrics
{
    public const string MeterName = "EcomErp";
    public const string OrdersPerCommitName = "ecomerp.automation.orders_per_commit";
    public const string ReplannedName = "ecomerp.automation.replanned_orders";

    private readonly Histogram<int>? _ordersPerCommit;
    private readonly Counter<int>? _replanned;

    /// <param name="meters">Absent in a composition without metrics: then nothing is measured.</param>
    public AutomationMetrics(IMeterFactory? meters = null)
    {
        if (meters is null)
            return;
        var meter = meters.Create(MeterName);
        _ordersPerCommit = meter.CreateHistogram<int>(OrdersPerCommitName, unit: "{order}",
            description: "Orders the automation validated or allocated in one commit.");
        _replanned = meter.CreateCounter<int>(ReplannedName, unit: "{order}",
            description: "Orders planned again after their batch lost a race for a balance or the order.");
    }

    internal void Committed(int orders, int replanned)
    {
        if (orders > 0)
            _ordersPerCommit?.Record(orders);
        if (replanned > 0)
            _replanned?.Add(replanned);
    }
}
