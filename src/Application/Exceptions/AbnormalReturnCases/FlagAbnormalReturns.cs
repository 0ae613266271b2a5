using System.Globalization;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns.Kpis;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.AbnormalReturnCases;

/// <summary>One evaluation of the abnormal-returns rule over the return KPIs (the recurring job sends it; decision 044).</summary>
public sealed record FlagAbnormalReturns;

/// <summary>
/// How many SKUs shipped in the recent window and how many customers were sent at least their minimum in it, and how many of each
/// this run flagged (one with an open case is not flagged again).
/// </summary>
public sealed record AbnormalReturnsRun(int SkusEvaluated, int SkusFlagged, int CustomersEvaluated, int CustomersFlagged);

/// <summary>
/// The first explainable pattern rule: a SKU whose return rate over the last <c>returns.abnormal.window-days</c> days (today
/// included) exceeds its rate over the <c>returns.abnormal.baseline-days</c> days before by more than
/// <c>returns.abnormal.factor-basis-points</c> (20,000 = twice), with at least <c>returns.abnormal.min-shipped-units</c> shipped in
/// each window so noise is not flagged, raises an ABNORMAL_RETURNS case whose reason gives the figures. A customer is judged the
/// same way against its own baseline, with its own minimum (<c>returns.abnormal.customer-min-shipped-units</c> in each window) and a
/// floor of units returned recently (<c>returns.abnormal.customer-min-returned-units</c>), so one or two returns of a new or
/// quiet customer are never a pattern; its case names it by subject id only (the e-mail is personal data the admin shows).
/// One open case per SKU or customer: while it is open it is not flagged again; once closed, a later run may flag it anew. A
/// baseline without returns is exceeded by any return. Rates count the units of live returns by the day they were requested over
/// the units shipped on the window's days, as the KPI query does, across every channel (the case has none, so no partner key sees it).
/// </summary>
internal sealed partial class FlagAbnormalReturnsHandler(
    IReturnKpiReader kpis, IPolicyReader policies, IExceptionCaseRepository cases, IExceptionSlaPolicies slaPolicies, IUnitOfWork unitOfWork,
    TimeProvider clock, ConcurrencyRetry retry, ILogger<FlagAbnormalReturnsHandler> logger)
    : ICommandHandler<FlagAbnormalReturns, AbnormalReturnsRun>
{
    public async Task<Result<AbnormalReturnsRun>> HandleAsync(FlagAbnormalReturns command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowDays = (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsWindowDays, cancellationToken);
        var baselineDays = (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsBaselineDays, cancellationToken);
        var factor = (long)await policies.GetAsync(PolicyKeys.AbnormalReturnsFactorBasisPoints, cancellationToken);
        var skuRule = new AbnormalReturnsRule(windowDays, baselineDays, factor, (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsMinShippedUnits, cancellationToken), 1);
        var customerRule = new AbnormalReturnsRule(windowDays, baselineDays, factor,
            (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsCustomerMinShippedUnits, cancellationToken),
            (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsCustomerMinReturnedUnits, cancellationToken));
        var recent = KpiWindow.Ending(KpiWindow.DayOf(now), windowDays);
        var baseline = KpiWindow.Ending(recent.From.AddDays(-1), baselineDays);

        var (skusEvaluated, skusFlagged) = await FlagSkusAsync(skuRule, recent, baseline, now, cancellationToken);
        var (customersEvaluated, customersFlagged) = await FlagCustomersAsync(customerRule, recent, baseline, now, cancellationToken);
        return new AbnormalReturnsRun(skusEvaluated, skusFlagged, customersEvaluated, customersFlagged);
    }

    private async Task<(int Evaluated, int Flagged)> FlagSkusAsync(AbnormalReturnsRule rule, KpiWindow recent, KpiWindow baseline, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var recentShipped = await SkusShippedAsync(recent, cancellationToken);
        var recentReturned = await SkusReturnedAsync(recent, cancellationToken);
        var baselineShipped = await SkusShippedAsync(baseline, cancellationToken);
        var baselineReturned = await SkusReturnedAsync(baseline, cancellationToken);

        var flagged = 0;
        foreach (var (sku, shipped) in recentShipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var figures = new AbnormalReturnFigures($"SKU {sku}", recentReturned.GetValueOrDefault(sku), shipped,
                baselineReturned.GetValueOrDefault(sku), baselineShipped.GetValueOrDefault(sku));
            if (!rule.Flags(figures) || SkuCode.Create(sku) is not { IsSuccess: true } code)
                continue;
            if (await RaiseOnceAsync(ExceptionSubject.Sku(code.Value), figures.Subject, rule.Explain(figures), now, cancellationToken))
                flagged++;
        }
        return (recentShipped.Count, flagged);
    }

    private async Task<(int Evaluated, int Flagged)> FlagCustomersAsync(AbnormalReturnsRule rule, KpiWindow recent, KpiWindow baseline, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var recentShipped = await CustomersAsync(kpis.ShippedByCustomerAsync(recent, null, rule.MinShippedUnits, cancellationToken));
        var customers = recentShipped.Keys.ToList();
        var baselineShipped = await CustomersAsync(kpis.ShippedByCustomerAsync(baseline, null, rule.MinShippedUnits, cancellationToken));
        var recentReturned = await CustomersAsync(kpis.ReturnedByCustomerAsync(recent, null, customers, cancellationToken));
        var baselineReturned = await CustomersAsync(kpis.ReturnedByCustomerAsync(baseline, null, customers, cancellationToken));

        var flagged = 0;
        foreach (var (email, shipped) in recentShipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // The reason names no e-mail: the case travels to every reader of its queue, the address is shown by the admin only.
            var figures = new AbnormalReturnFigures("The customer", recentReturned.GetValueOrDefault(email), shipped,
                baselineReturned.GetValueOrDefault(email), baselineShipped.GetValueOrDefault(email));
            if (!rule.Flags(figures))
                continue;
            var subject = ExceptionSubject.Customer(email);
            if (await RaiseOnceAsync(subject, $"customer {subject.Id}", rule.Explain(figures), now, cancellationToken))
                flagged++;
        }
        return (recentShipped.Count, flagged);
    }

    private async Task<Dictionary<string, int>> SkusShippedAsync(KpiWindow window, CancellationToken cancellationToken) =>
        (await kpis.ShippedAsync(window, null, cancellationToken)).ToDictionary(s => s.Sku, s => s.Units, StringComparer.Ordinal);

    private async Task<Dictionary<string, int>> SkusReturnedAsync(KpiWindow window, CancellationToken cancellationToken) =>
        (await kpis.ReturnedAsync(window, null, cancellationToken)).GroupBy(r => r.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Units), StringComparer.Ordinal);

    private static async Task<Dictionary<string, int>> CustomersAsync(Task<IReadOnlyList<CustomerUnits>> read) =>
        (await read).ToDictionary(c => c.CustomerEmail, c => c.Units, StringComparer.Ordinal);

    /// <summary>True when a case was raised; false when the subject has one open already or the save failed (logged; the next run tries again).</summary>
    private async Task<bool> RaiseOnceAsync(ExceptionSubject subject, string named, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await retry.RunAsync(ct => RaiseAsync(subject, named, reason, now, ct), cancellationToken);
        if (outcome.IsFailure)
            LogNotRaised(logger, named, outcome.Error.ToString());
        return outcome is { IsSuccess: true, Value: true };
    }

    private async Task<Result<bool>> RaiseAsync(ExceptionSubject subject, string named, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await cases.FindOpenAsync(ExceptionType.AbnormalReturns, subject, cancellationToken) is not null)
            return false;
        var raised = ExceptionCase.Raise(ExceptionType.AbnormalReturns, subject, null, "", reason, Actor.SystemId,
            await slaPolicies.ForAsync(ExceptionType.AbnormalReturns, cancellationToken), new PriorityInputs(), now);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<bool>.Failure(saved.Errors);
        LogRaised(logger, raised.Id.Value, named);
        return true;
    }

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Exception case {CaseId} (AbnormalReturns) raised for {Subject}")]
    private static partial void LogRaised(ILogger logger, Guid caseId, string subject);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "The abnormal-returns case of {Subject} could not be raised ({Error}); the next run tries again")]
    private static partial void LogNotRaised(ILogger logger, string subject, string error);
}

/// <summary>A SKU's or a customer's units returned and shipped in the recent window and in the baseline before it; <see cref="Subject"/> names it in the reason.</summary>
internal sealed record AbnormalReturnFigures(string Subject, int RecentReturned, int RecentShipped, int BaselineReturned, int BaselineShipped);

/// <summary>
/// The rule's thresholds as the policies hold them in force at the run: a SKU needs one unit returned recently
/// (<see cref="MinReturnedUnits"/> 1), a customer the floor of its own policy.
/// </summary>
internal sealed record AbnormalReturnsRule(int WindowDays, int BaselineDays, long FactorBasisPoints, int MinShippedUnits, int MinReturnedUnits)
{
    /// <summary>
    /// Enough shipped in both windows, enough returned recently, and recent/recentShipped &gt; factor × baseline/baselineShipped,
    /// compared in integers (cross-multiplied) so no rounding decides a flag.
    /// </summary>
    public bool Flags(AbnormalReturnFigures f) =>
        f.RecentShipped >= MinShippedUnits && f.BaselineShipped >= MinShippedUnits && f.RecentReturned >= MinReturnedUnits
        && (decimal)f.RecentReturned * f.BaselineShipped * 10_000 > (decimal)FactorBasisPoints * f.BaselineReturned * f.RecentShipped;

    public string Explain(AbnormalReturnFigures f)
    {
        var recentRate = (decimal)f.RecentReturned / f.RecentShipped;
        var baselineRate = (decimal)f.BaselineReturned / f.BaselineShipped;
        var times = baselineRate == 0 ? "with no returns in the baseline" : string.Create(CultureInfo.InvariantCulture, $"{recentRate / baselineRate:0.0}x the baseline");
        var floor = MinReturnedUnits > 1 ? string.Create(CultureInfo.InvariantCulture, $" and at least {MinReturnedUnits} returned in the recent one") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{f.Subject}: {recentRate * 100:0.0} % of units returned over the last {WindowDays} days ({f.RecentReturned} of {f.RecentShipped} shipped) against "
            + $"{baselineRate * 100:0.0} % over the {BaselineDays} days before ({f.BaselineReturned} of {f.BaselineShipped}); {times}, above the factor of "
            + $"{FactorBasisPoints / 10_000m:0.0#}x (at least {MinShippedUnits} units shipped in each window{floor}).");
    }
}
