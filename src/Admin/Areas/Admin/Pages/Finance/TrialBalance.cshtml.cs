using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Finance.GetTrialBalance;
using EcomErp.Application.Finance.ReconcileInventory;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Finance;

/// <summary>
/// The trial balance as of the end of a day (UTC; today when none is given) with debits and credits summed per currency, and
/// beside it the inventory valuation reconciled against the journal as of the same moment (<see cref="ReconcileInventory"/>: the
/// ledger's units then, at the cost in force then).
/// </summary>
[Authorize(Roles = FinanceRoles.Readers)]
public sealed class TrialBalanceModel(
    IQueryHandler<GetTrialBalance, TrialBalance> trialBalance, IQueryHandler<ReconcileInventory, InventoryReconciliation> reconcile, TimeProvider clock) : PageModel
{
    /// <summary>The last day the balance includes (UTC).</summary>
    [FromQuery(Name = "asOf")]
    public DateOnly? AsOf { get; set; }

    public TrialBalance Balance { get; private set; } = null!;

    public InventoryReconciliation? Inventory { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public string? Problem { get; private set; }

    public static string Money(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!ModelState.IsValid)
            Problem = "That is not a date; the balance is shown as of now.";
        // The end of the chosen day, never later than now: what has not happened yet cannot be in the balance.
        var endOfDay = ModelState.IsValid ? UtcDays.EndOf(AsOf)?.AddTicks(-1) : null;
        Until = endOfDay is { } end && end < now ? end : now;
        Balance = (await trialBalance.HandleAsync(new GetTrialBalance(Until), cancellationToken)).Value;
        var reconciliation = await reconcile.HandleAsync(new ReconcileInventory(Until), cancellationToken);
        Inventory = reconciliation.IsSuccess ? reconciliation.Value : null;
    }
}
