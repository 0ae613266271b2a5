namespace EcomErp.Application.Returns.Kpis;

/// <summary>
/// The return KPI read model (decision 044): units shipped per SKU and day and per customer and day, units returned per SKU,
/// reason, customer and request day, and each return's milestones. Windows are whole UTC days, both ends included; <c>channels</c> null means every channel.
/// </summary>
public interface IReturnKpiReader
{
    /// <summary>Units shipped per SKU on the window's days.</summary>
    Task<IReadOnlyList<SkuUnits>> ShippedAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken);

    /// <summary>Units on live returns (neither rejected nor cancelled) requested on the window's days, per SKU and reason.</summary>
    Task<IReadOnlyList<ReturnedUnits>> ReturnedAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken);

    /// <summary>Units shipped per customer (e-mail, lower case) on the window's days, for the customers sent at least <paramref name="minUnits"/>.</summary>
    Task<IReadOnlyList<CustomerUnits>> ShippedByCustomerAsync(KpiWindow window, IReadOnlyCollection<string>? channels, int minUnits, CancellationToken cancellationToken);

    /// <summary>Units on live returns requested on the window's days, per customer, for the <paramref name="customers"/> named.</summary>
    Task<IReadOnlyList<CustomerUnits>> ReturnedByCustomerAsync(KpiWindow window, IReadOnlyCollection<string>? channels, IReadOnlyCollection<string> customers,
        CancellationToken cancellationToken);

    /// <summary>The e-mail behind a customer's case subject id (<c>ExceptionSubject.CustomerIdOf</c>); null when no shipment to it was counted.</summary>
    Task<string?> CustomerEmailAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>The milestones of the returns dispositioned or refunded on the window's days.</summary>
    Task<IReadOnlyList<ReturnMilestones>> MilestonesAsync(KpiWindow window, IReadOnlyCollection<string>? channels, CancellationToken cancellationToken);
}

/// <summary>Whole UTC days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct KpiWindow(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The window of <paramref name="days"/> days ending on <paramref name="to"/>.</summary>
    public static KpiWindow Ending(DateOnly to, int days) => new(to.AddDays(1 - days), to);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public bool Contains(DateTimeOffset at) => DayOf(at) is var day && day >= From && day <= To;
}

public sealed record SkuUnits(string Sku, int Units);

public sealed record CustomerUnits(string CustomerEmail, int Units);

public sealed record ReturnedUnits(string Sku, string ReasonCode, int Units);

public sealed record ReturnMilestones(Guid ReturnId, DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DispositionedAt, DateTimeOffset? RefundedAt);
