using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.Kpis.GetReturnKpis;

/// <summary>
/// The return KPIs of a window of whole UTC days (both ends included), for one channel or every channel the caller may see:
/// cycle times of the returns dispositioned (received → dispositioned) and refunded (requested → refunded) on those days, and
/// return rates (units on live returns requested on those days / units shipped on those days) per SKU and per reason, and the
/// <see cref="TopCustomers"/> customers with the highest rate among those sent at least <see cref="CustomerMinShippedUnits"/> units
/// on those days (a rate of two units says little).
/// </summary>
public sealed record GetReturnKpis(DateOnly From, DateOnly To, string? Channel, Actor Actor, int TopCustomers = GetReturnKpis.DefaultTopCustomers,
    int CustomerMinShippedUnits = GetReturnKpis.DefaultCustomerMinShippedUnits)
{
    public const int DefaultTopCustomers = 10;

    public const int DefaultCustomerMinShippedUnits = 5;
}

public sealed record ReturnKpis(
    DateOnly From, DateOnly To, string? Channel, CycleTimes DispositionCycle, CycleTimes RequestToRefund, int UnitsShipped, int UnitsReturned,
    IReadOnlyList<SkuReturnRate> BySku, IReadOnlyList<ReasonReturnRate> ByReason, IReadOnlyList<CustomerReturnRate> ByCustomer)
{
    public double? ReturnRate => ReturnRates.Of(UnitsReturned, UnitsShipped);
}

/// <summary>How long the counted returns took, in hours: average and nearest-rank percentiles; null figures when none was counted.</summary>
public sealed record CycleTimes(int Count, double? AverageHours, double? P50Hours, double? P90Hours)
{
    public static CycleTimes Of(IReadOnlyCollection<TimeSpan> durations)
    {
        if (durations.Count == 0)
            return new CycleTimes(0, null, null, null);
        var hours = durations.Select(d => d.TotalHours).Order().ToArray();
        return new CycleTimes(hours.Length, Math.Round(hours.Average(), 2), NearestRank(hours, 50), NearestRank(hours, 90));
    }

    /// <summary>The smallest value with at least <paramref name="percent"/> % of the values at or below it (nearest rank), so it is always a real return's time.</summary>
    private static double NearestRank(double[] sorted, int percent) => Math.Round(sorted[(int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1], 2);
}

/// <summary>A SKU's units shipped and returned in the window; the rate is null when nothing shipped.</summary>
public sealed record SkuReturnRate(string Sku, int UnitsShipped, int UnitsReturned)
{
    public double? ReturnRate => ReturnRates.Of(UnitsReturned, UnitsShipped);
}

/// <summary>A customer's (e-mail, lower case) units shipped and returned in the window; only customers with at least the minimum shipped are ranked.</summary>
public sealed record CustomerReturnRate(string CustomerEmail, int UnitsShipped, int UnitsReturned)
{
    public double? ReturnRate => ReturnRates.Of(UnitsReturned, UnitsShipped);
}

/// <summary>Units returned for a reason in the window, as a share of every unit shipped in it.</summary>
public sealed record ReasonReturnRate(string ReasonCode, int UnitsReturned, int UnitsShipped)
{
    public double? ReturnRate => ReturnRates.Of(UnitsReturned, UnitsShipped);
}

public static class ReturnRates
{
    /// <summary>Returned / shipped to four decimals; null when nothing shipped (a rate of nothing says nothing).</summary>
    public static double? Of(long returned, long shipped) => shipped == 0 ? null : Math.Round((double)returned / shipped, 4);
}

internal sealed class GetReturnKpisHandler(IReturnKpiReader kpis) : IQueryHandler<GetReturnKpis, ReturnKpis>
{
    public async Task<Result<ReturnKpis>> HandleAsync(GetReturnKpis query, CancellationToken cancellationToken)
    {
        var window = new KpiWindow(query.From, query.To);
        if (ReturnKpiErrors.CheckWindow(window) is { } invalid)
            return invalid;
        if (ReturnKpiErrors.CheckCustomerRanking(query.TopCustomers, query.CustomerMinShippedUnits) is { } badRanking)
            return badRanking;
        // A key restricted to channels counts its own channels only; another channel's figures do not exist for it.
        IReadOnlyCollection<string>? channels = query.Actor.Channels;
        string? channel = null;
        if (query.Channel is { } named)
        {
            var code = ChannelCode.Create(named);
            if (code.IsFailure)
                return new Error(code.Error.Code, code.Error.Message, "channel");
            if (!query.Actor.MayAccessChannel(code.Value.Value))
                return ChannelPolicyErrors.ChannelNotFound(code.Value);
            channel = code.Value.Value;
            channels = [channel];
        }

        var shipped = await kpis.ShippedAsync(window, channels, cancellationToken);
        var returned = await kpis.ReturnedAsync(window, channels, cancellationToken);
        var milestones = await kpis.MilestonesAsync(window, channels, cancellationToken);

        var shippedBySku = shipped.GroupBy(s => s.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Units), StringComparer.Ordinal);
        var returnedBySku = returned.GroupBy(r => r.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Units), StringComparer.Ordinal);
        var unitsShipped = shippedBySku.Values.Sum();
        var bySku = shippedBySku.Keys.Union(returnedBySku.Keys, StringComparer.Ordinal)
            .Select(sku => new SkuReturnRate(sku, shippedBySku.GetValueOrDefault(sku), returnedBySku.GetValueOrDefault(sku)))
            .OrderByDescending(r => r.ReturnRate ?? double.MaxValue).ThenByDescending(r => r.UnitsReturned).ThenBy(r => r.Sku, StringComparer.Ordinal).ToList();
        var byReason = returned.GroupBy(r => r.ReasonCode, StringComparer.Ordinal)
            .Select(g => new ReasonReturnRate(g.Key, g.Sum(r => r.Units), unitsShipped))
            .OrderByDescending(r => r.UnitsReturned).ThenBy(r => r.ReasonCode, StringComparer.Ordinal).ToList();

        var dispositionCycle = CycleTimes.Of([.. milestones
            .Where(m => m is { ReceivedAt: not null, DispositionedAt: { } at } && window.Contains(at))
            .Select(m => m.DispositionedAt!.Value - m.ReceivedAt!.Value)]);
        var requestToRefund = CycleTimes.Of([.. milestones
            .Where(m => m.RefundedAt is { } at && window.Contains(at))
            .Select(m => m.RefundedAt!.Value - m.RequestedAt)]);
        var byCustomer = await TopCustomersAsync(query, window, channels, cancellationToken);
        return new ReturnKpis(query.From, query.To, channel, dispositionCycle, requestToRefund, unitsShipped, returnedBySku.Values.Sum(), bySku, byReason, byCustomer);
    }

    /// <summary>Highest rate first, then most units returned, then by e-mail, so equal rates rank the same way every time.</summary>
    private async Task<IReadOnlyList<CustomerReturnRate>> TopCustomersAsync(GetReturnKpis query, KpiWindow window, IReadOnlyCollection<string>? channels,
        CancellationToken cancellationToken)
    {
        if (query.TopCustomers == 0)
            return [];
        var shipped = await kpis.ShippedByCustomerAsync(window, channels, query.CustomerMinShippedUnits, cancellationToken);
        var returned = (await kpis.ReturnedByCustomerAsync(window, channels, [.. shipped.Select(s => s.CustomerEmail)], cancellationToken))
            .ToDictionary(r => r.CustomerEmail, r => r.Units, StringComparer.Ordinal);
        return [.. shipped.Select(s => new CustomerReturnRate(s.CustomerEmail, s.Units, returned.GetValueOrDefault(s.CustomerEmail)))
            .OrderByDescending(c => (decimal)c.UnitsReturned / c.UnitsShipped).ThenByDescending(c => c.UnitsReturned).ThenBy(c => c.CustomerEmail, StringComparer.Ordinal)
            .Take(query.TopCustomers)];
    }
}
