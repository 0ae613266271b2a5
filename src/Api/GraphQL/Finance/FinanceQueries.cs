using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Finance.GetFinanceDocument;
using EcomErp.Application.Finance.GetTrialBalance;
using EcomErp.Application.Finance.ListOrderFinanceDocuments;
using EcomErp.Application.Finance.ReconcileInventory;
using EcomErp.Domain.Access;
using EcomErp.Domain.Finance;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

/// <summary>
/// The trial balance, the inventory valuation and the issued documents, through their query handlers. Root fields behind
/// 'finance:read' rather than fields of Order, so the partner rule and the scope check each stay in one place (decision 039).
/// </summary>
public static class FinanceQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<TrialBalanceType>>("trialBalance")
            .Description("Every account's debits, credits and balance per currency, as of a time (now when not given). Needs the 'finance:read' scope.")
            .Argument<DateTimeOffsetGraphType>("asOf", "Count the entries posted up to and including this time; now when not given.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                var asOf = context.GetArgument<DateTimeOffset?>("asOf") ?? context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                return context.ValueOrThrow(await context.QueryAsync<GetTrialBalance, TrialBalance>(new GetTrialBalance(asOf)));
            });

        query.Field<NonNullGraphType<InventoryValuationType>>("inventoryValuation")
            .Description("Stock valued per SKU by the ledger and by the journal, the SKUs where they differ, and the totals, now or as of a time. "
                + "Needs the 'finance:read' scope.")
            .Argument<DateTimeOffsetGraphType>("asOf", "Value the stock as it was at this time: the units the ledger held then, at the unit cost in "
                + "force then, beside the journal's entries posted up to and including it. Now when not given.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                return context.ValueOrThrow(await context.QueryAsync<ReconcileInventory, InventoryReconciliation>(
                    new ReconcileInventory(context.GetArgument<DateTimeOffset?>("asOf"))));
            });

        query.Field<FinanceDocumentType>("financeDocument")
            .Description("An invoice or credit note by its number; null when there is none. Needs the 'finance:read' scope.")
            .Argument<NonNullGraphType<StringGraphType>>("number", "The document's number.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                return context.ValueOrThrow(await context.QueryAsync<GetFinanceDocument, FinanceDocument?>(new GetFinanceDocument(context.GetArgument<string>("number"))));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FinanceDocumentType>>>>("financeDocuments")
            .Description("The invoices and credit notes of one order, oldest first; empty for an order without any (or no such order). Needs the 'finance:read' scope.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId", "The order's id.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                return context.ValueOrThrow(await context.QueryAsync<ListOrderFinanceDocuments, IReadOnlyList<FinanceDocument>>(
                    new ListOrderFinanceDocuments(context.IdArgument("orderId"))));
            });
    }
}
