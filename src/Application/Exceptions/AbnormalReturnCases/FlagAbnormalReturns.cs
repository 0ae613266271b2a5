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

/// <summary>How many SKUs shipped in the recent window, and how many were flagged by this run (a SKU with an open case is not flagged again).</summary>
public sealed record AbnormalReturnsRun(int SkusEvaluated, int Flagged);

/// <summary>
/// The first explainable pattern rule: a SKU whose return rate over the last <c>returns.abnormal.window-days</c> days (today
/// included) exceeds its rate over the <c>returns.abnormal.baseline-days</c> days before by more than
/// <c>returns.abnormal.factor-basis-points</c> (20,000 = twice), with at least <c>returns.abnormal.min-shipped-units</c> shipped in
/// each window so noise is not flagged, raises an ABNORMAL_RETURNS case whose reason gives the figures. One open case per SKU:
/// while it is open the SKU is not flagged again; once closed, a later run may flag it anew. A baseline without returns is
/// exceeded by any return. Rates count the units of live returns by the day they were requested over the units shipped on
/// the window's days, as the KPI query does, across every channel (the case has none, so no partner key sees it).
/// </summary>
internal sealed partial class FlagAbnormalReturnsHandler(
    IReturnKpiReader kpis, IPolicyReader policies, IExceptionCaseRepository cases, IExceptionSlaPolicies slaPolicies, IUnitOfWork unitOfWork,
    TimeProvider clock, ConcurrencyRetry retry, ILogger<FlagAbnormalReturnsHandler> logger)
    : ICommandHandler<FlagAbnormalReturns, AbnormalReturnsRun>
{
    public async Task<Result<AbnormalReturnsRun>> HandleAsync(FlagAbnormalReturns command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rule = new AbnormalReturnsRule(
            (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsWindowDays, cancellationToken),
            (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsBaselineDays, cancellationToken),
            (long)await policies.GetAsync(PolicyKeys.AbnormalReturnsFactorBasisPoints, cancellationToken),
            (int)await policies.GetAsync(PolicyKeys.AbnormalReturnsMinShippedUnits, cancellationToken));
        var recent = KpiWindow.Ending(KpiWindow.DayOf(now), rule.WindowDays);
        var baseline = KpiWindow.Ending(recent.From.AddDays(-1), rule.BaselineDays);

        var recentShipped = await ShippedAsync(recent, cancellationToken);
        var recentReturned = await ReturnedAsync(recent, cancellationToken);
        var baselineShipped = await ShippedAsync(baseline, cancellationToken);
        var baselineReturned = await ReturnedAsync(baseline, cancellationToken);

        var flagged = 0;
        foreach (var (sku, shipped) in recentShipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var figures = new AbnormalReturnFigures(sku, recentReturned.GetValueOrDefault(sku), shipped,
                baselineReturned.GetValueOrDefault(sku), baselineShipped.GetValueOrDefault(sku));
            if (!rule.Flags(figures) || SkuCode.Create(sku) is not { IsSuccess: true } code)
                continue;
            var outcome = await retry.RunAsync(ct => RaiseAsync(code.Value, rule, figures, now, ct), cancellationToken);
            if (outcome.IsFailure)
                LogNotRaised(logger, sku, outcome.Error.ToString());
            else if (outcome.Value)
                flagged++;
        }
        return new AbnormalReturnsRun(recentShipped.Count, flagged);
    }

    private async Task<Dictionary<string, int>> ShippedAsync(KpiWindow window, CancellationToken cancellationToken) =>
        (await kpis.ShippedAsync(window, null, cancellationToken)).ToDictionary(s => s.Sku, s => s.Units, StringComparer.Ordinal);

    private async Task<Dictionary<string, int>> ReturnedAsync(KpiWindow window, CancellationToken cancellationToken) =>
        (await kpis.ReturnedAsync(window, null, cancellationToken)).GroupBy(r => r.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Units), StringComparer.Ordinal);

    /// <summary>True when a case was raised; false when the SKU has one open already.</summary>
    private async Task<Result<bool>> RaiseAsync(SkuCode sku, AbnormalReturnsRule rule, AbnormalReturnFigures figures, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = ExceptionSubject.Sku(sku);
        if (await cases.FindOpenAsync(ExceptionType.AbnormalReturns, subject, cancellationToken) is not null)
            return false;
        var raised = ExceptionCase.Raise(ExceptionType.AbnormalReturns, subject, null, "", rule.Explain(figures), Actor.SystemId,
            await slaPolicies.ForAsync(ExceptionType.AbnormalReturns, cancellationToken), new PriorityInputs(), now);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<bool>.Failure(saved.Errors);
        LogRaised(logger, raised.Id.Value, sku.Value, figures.RecentReturned, figures.RecentShipped);
        return true;
    }

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Exception case {CaseId} (AbnormalReturns) raised for SKU {Sku}: {Returned} of {Shipped} units returned recently")]
    private static partial void LogRaised(ILogger logger, Guid caseId, string sku, int returned, int shipped);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "The abnormal-returns case of SKU {Sku} could not be raised ({Error}); the next run tries again")]
    private static partial void LogNotRaised(ILogger logger, string sku, string error);
}

/// <summary>A SKU's units returned and shipped in the recent window and in the baseline before it.</summary>
internal sealed record AbnormalReturnFigures(string Sku, int RecentReturned, int RecentShipped, int BaselineReturned, int BaselineShipped);

/// <summary>The rule's thresholds as the policies hold them in force at the run.</summary>
internal sealed record AbnormalReturnsRule(int WindowDays, int BaselineDays, long FactorBasisPoints, int MinShippedUnits)
{
    /// <summary>
    /// Enough shipped in both windows, some returned recently, and recent/recentShipped &gt; factor × baseline/baselineShipped,
    /// compared in integers (cross-multiplied) so no rounding decides a flag.
    /// </summary>
    public bool Flags(AbnormalReturnFigures f) =>
        f.RecentShipped >= MinShippedUnits && f.BaselineShipped >= MinShippedUnits && f.RecentReturned > 0
        && (decimal)f.RecentReturned * f.BaselineShipped * 10_000 > (decimal)FactorBasisPoints * f.BaselineReturned * f.RecentShipped;

    public string Explain(AbnormalReturnFigures f)
    {
        var recentRate = (decimal)f.RecentReturned / f.RecentShipped;
        var baselineRate = (decimal)f.BaselineReturned / f.BaselineShipped;
        var times = baselineRate == 0 ? "with no returns in the baseline" : string.Create(CultureInfo.InvariantCulture, $"{recentRate / baselineRate:0.0}x the baseline");
        return string.Create(CultureInfo.InvariantCulture, $"SKU {f.Sku}: {recentRate * 100:0.0} % of units returned over the last {WindowDays} days ({f.RecentReturned} of {f.RecentShipped} shipped) against "
            + $"{baselineRate * 100:0.0} % over the {BaselineDays} days before ({f.BaselineReturned} of {f.BaselineShipped}); {times}, above the factor of "
            + $"{FactorBasisPoints / 10_000m:0.0#}x (at least {MinShippedUnits} units shipped in each window).");
    }
}
