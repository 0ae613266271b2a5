using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.Kpis;

/// <summary>Every expected failure of the return KPI queries, by code.</summary>
public static class ReturnKpiErrors
{
    [ErrorDescription("A KPI window's first day is after its last, or the window is longer than the longest the KPIs answer (366 days).")]
    public const string WindowInvalidCode = "RETURN_KPI_WINDOW_INVALID";

    public const int MaxWindowDays = 366;

    public static Error? CheckWindow(KpiWindow window) =>
        window.From > window.To || window.Days > MaxWindowDays
            ? new Error(WindowInvalidCode, $"A window from {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd} is not 1 to {MaxWindowDays} days with its first day first.", "from")
            : null;
}
