using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// The priority score: a sum of points a person can check by hand, each factor shown beside the score. Deterministic: the
/// same inputs at the same instant give the same score. Customer tiers are not master data yet; the order's own priority
/// (set by the channel for its priority customers) stands in for them.
/// </summary>
public static class ExceptionPriority
{
    /// <summary>One point per full 100 of the order's currency (major units), at most this many.</summary>
    public const int OrderValueMaxPoints = 30;

    public static PriorityScore Score(PriorityInputs inputs, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var factors = new List<PriorityFactor>();
        if (inputs.OrderValue is { } value)
        {
            var hundreds = Math.Floor(value.Amount / 100m);
            factors.Add(new(PriorityFactorKind.OrderValue, (int)Math.Clamp(hundreds, 0m, OrderValueMaxPoints), $"order value {value}: 1 point per 100, at most {OrderValueMaxPoints}"));
        }
        factors.Add(TimeLeft(dueAt, inputs.ShipBy, now));
        if (inputs.ServiceLevel is { } level)
            factors.Add(new(PriorityFactorKind.ServiceLevel, level switch { ServiceLevel.NextDay => 15, ServiceLevel.Express => 10, _ => 0 }, $"{level} delivery"));
        if (inputs.ChannelKind is { } kind)
            // Marketplaces penalise a late shipment on the seller's rating; wholesale customers have delivery contracts.
            factors.Add(new(PriorityFactorKind.Channel, kind switch { ChannelKind.Marketplace => 10, ChannelKind.Wholesale => 5, _ => 0 }, $"{kind} channel"));
        if (inputs.OrderPriority is { } priority)
            factors.Add(new(PriorityFactorKind.OrderPriority, priority switch { OrderPriority.Urgent => 15, OrderPriority.High => 10, _ => 0 }, $"{priority} order priority"));
        return PriorityScore.Of(factors);
    }

    /// <summary>The same score with its SLA factor taken again at <paramref name="now"/>; the other factors do not change.</summary>
    public static PriorityScore Refresh(PriorityScore score, DateTimeOffset dueAt, DateTimeOffset? shipBy, DateTimeOffset now) =>
        PriorityScore.Of([.. score.Factors.Select(f => f.Kind == PriorityFactorKind.SlaTimeLeft ? TimeLeft(dueAt, shipBy, now) : f)]);

    /// <summary>
    /// Time left before the earlier of the case's SLA due time and the order's ship-by deadline: an order promised to ship
    /// sooner than its case is due is as urgent as its promise (decision 027). The explanation names which deadline counted.
    /// </summary>
    private static PriorityFactor TimeLeft(DateTimeOffset dueAt, DateTimeOffset? shipBy, DateTimeOffset now)
    {
        var shipByFirst = shipBy < dueAt;
        var left = (shipByFirst ? shipBy!.Value : dueAt) - now;
        var points = left <= TimeSpan.Zero ? 40 : left <= TimeSpan.FromHours(1) ? 30 : left <= TimeSpan.FromHours(4) ? 20 : left <= TimeSpan.FromHours(24) ? 10 : 0;
        var why = (left <= TimeSpan.Zero, shipByFirst) switch
        {
            (true, false) => $"overdue by {Hours(-left)}",
            (true, true) => $"ship-by passed {Hours(-left)} ago",
            (false, false) => $"{Hours(left)} left of the SLA",
            (false, true) => $"{Hours(left)} left to the order's ship-by (before the SLA)",
        };
        return new(PriorityFactorKind.SlaTimeLeft, points, why);
    }

    private static string Hours(TimeSpan span) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");
}
