using EcomErp.Application.Returns.Kpis;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>Reads the return KPI tables; sums run in the database over day numbers and ticks, which both providers compare.</summary>
internal sealed class ReturnKpiReader(ErpDbContext db) : IReturnKpiReader
{
    public async Task<IReadOnlyList<SkuUnits>> ShippedAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken)
    {
        var (from, to) = (window.From.DayNumber, window.To.DayNumber);
        var rows = db.Set<ReturnKpiShippedRow>().AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (channels is not null)
            rows = rows.Where(r => channels.Contains(r.Channel));
        var sums = await rows.GroupBy(r => r.Sku).Select(g => new { Sku = g.Key, Units = g.Sum(r => r.Units) }).ToListAsync(cancellationToken);
        return [.. sums.Select(s => new SkuUnits(s.Sku, s.Units))];
    }

    public async Task<IReadOnlyList<ReturnedUnits>> ReturnedAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken)
    {
        var (from, to) = (window.From.DayNumber, window.To.DayNumber);
        var rows = db.Set<ReturnKpiLineRow>().AsNoTracking().Where(r => r.IsLive && r.RequestedDay >= from && r.RequestedDay <= to);
        if (channels is not null)
            rows = rows.Where(r => channels.Contains(r.Channel));
        var sums = await rows.GroupBy(r => new { r.Sku, r.ReasonCode }).Select(g => new { g.Key.Sku, g.Key.ReasonCode, Units = g.Sum(r => r.Units) })
            .ToListAsync(cancellationToken);
        return [.. sums.Select(s => new ReturnedUnits(s.Sku, s.ReasonCode, s.Units))];
    }

    public async Task<IReadOnlyList<CustomerUnits>> ShippedByCustomerAsync(KpiWindow window, IReadOnlyCollection<string>? channels, int minUnits,
        CancellationToken cancellationToken)
    {
        var (from, to) = (window.From.DayNumber, window.To.DayNumber);
        var rows = db.Set<ReturnKpiCustomerShippedRow>().AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (channels is not null)
            rows = rows.Where(r => channels.Contains(r.Channel));
        var sums = await rows.GroupBy(r => r.CustomerEmail).Select(g => new { CustomerEmail = g.Key, Units = g.Sum(r => r.Units) })
            .Where(s => s.Units >= minUnits).ToListAsync(cancellationToken);
        return [.. sums.Select(s => new CustomerUnits(s.CustomerEmail, s.Units))];
    }

    public async Task<IReadOnlyList<CustomerUnits>> ReturnedByCustomerAsync(KpiWindow window, IReadOnlyCollection<string>? channels,
        IReadOnlyCollection<string> customers, CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
            return [];
        var (from, to) = (window.From.DayNumber, window.To.DayNumber);
        var rows = db.Set<ReturnKpiLineRow>().AsNoTracking()
            .Where(r => r.IsLive && r.RequestedDay >= from && r.RequestedDay <= to && r.CustomerEmail != null && customers.Contains(r.CustomerEmail));
        if (channels is not null)
            rows = rows.Where(r => channels.Contains(r.Channel));
        var sums = await rows.GroupBy(r => r.CustomerEmail!).Select(g => new { CustomerEmail = g.Key, Units = g.Sum(r => r.Units) }).ToListAsync(cancellationToken);
        return [.. sums.Select(s => new CustomerUnits(s.CustomerEmail, s.Units))];
    }

    public Task<string?> CustomerEmailAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Set<ReturnKpiCustomerShippedRow>().AsNoTracking().Where(r => r.CustomerId == customerId).Select(r => r.CustomerEmail).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ReturnMilestones>> MilestonesAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(window.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
        // The window's last tick, not the next day's midnight: the last day a date can hold has no next one.
        var to = new DateTimeOffset(window.To.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero).UtcTicks;
        var rows = db.Set<ReturnKpiReturnRow>().AsNoTracking().Where(r =>
            (r.DispositionedAtTicks >= from && r.DispositionedAtTicks <= to) || (r.RefundedAtTicks >= from && r.RefundedAtTicks <= to));
        if (channels is not null)
            rows = rows.Where(r => channels.Contains(r.Channel));
        var found = await rows.ToListAsync(cancellationToken);
        return [.. found.Select(r => new ReturnMilestones(r.ReturnId, AtOf(r.RequestedAtTicks), AtOf(r.ReceivedAtTicks), AtOf(r.DispositionedAtTicks), AtOf(r.RefundedAtTicks)))];
    }

    private static DateTimeOffset AtOf(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? AtOf(long? ticks) => ticks is { } value ? AtOf(value) : null;
}
