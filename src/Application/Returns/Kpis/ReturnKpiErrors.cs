using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.Kpis;

/// <summary>Every expected failure of the return KPI queries, by code.</summary>
public static class ReturnKpiErrors
{
    [ErrorDescription("A KPI window's first day is after its last, or the window is longer than the longest the KPIs answer (366 days).")]
    public const string WindowInvalidCode = "RETURN_KPI_WINDOW_INVALID";

    [ErrorDescription("The number of customers asked for is not 0 to 100, or their minimum of shipped units is not 1 to 1,000,000.")]
    public const string CustomerRankingInvalidCode = "RETURN_KPI_CUSTOMER_RANKING_INVALID";

    public const int MaxWindowDays = 366;

    public const int MaxTopCustomers = 100;

    public const int MaxCustomerMinShippedUnits = 1_000_000;

    public static Error? CheckWindow(KpiWindow window) =>
        window.From > window.To || window.Days > MaxWindowDays
            ? new Error(WindowInvalidCode, $"A window from {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd} is not 1 to {MaxWindowDays} days with its first day first.", "from")
            : null;

    public static Error? CheckCustomerRanking(int topCustomers, int customerMinShippedUnits) =>
        topCustomers is < 0 or > MaxTopCustomers
            ? new Error(CustomerRankingInvalidCode, $"Ask for 0 to {MaxTopCustomers} customers, not {topCustomers}.", "topCustomers")
            : customerMinShippedUnits is < 1 or > MaxCustomerMinShippedUnits
                ? new Error(CustomerRankingInvalidCode, $"A customer's minimum of shipped units is 1 to {MaxCustomerMinShippedUnits:N0}, not {customerMinShippedUnits}.", "customerMinShippedUnits")
                : null;
}
