using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Finance.ListOrderFinanceDocuments;
using EcomErp.Domain.Access;
using EcomErp.Domain.Finance;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

/// <summary>
/// <c>Order { invoices creditNotes }</c>. Order is reached through fields open to partners, and the root rule (decision 013)
/// only guards root fields, so each of these checks both of its rules itself: the 'finance:read' scope, and no key restricted
/// to channels (the documents book every channel's money, decision 039). Both refusals are FORBIDDEN with the field null.
/// </summary>
public static class OrderFinanceDocumentFields
{
    public static void AddTo(ObjectGraphType<OrderNode> order)
    {
        Add(order, "invoices", FinanceDocumentKind.Invoice, "The order's invoices, oldest first.");
        Add(order, "creditNotes", FinanceDocumentKind.CreditNote, "The credit notes of the order's refunded returns, oldest first.");
    }

    private static void Add(ObjectGraphType<OrderNode> order, string name, FinanceDocumentKind kind, string description) =>
        order.Field<ListGraphType<NonNullGraphType<FinanceDocumentType>>>(name)
            .Description($"{description} Needs the '{ApiScopes.FinanceRead}' scope and is refused to keys restricted to channels (null with FORBIDDEN).")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                context.RefuseKeysRestrictedToChannels();
                var documents = context.ValueOrThrow(await context.QueryAsync<ListOrderFinanceDocuments, IReadOnlyList<FinanceDocument>>(
                    new ListOrderFinanceDocuments(context.Source.Summary.Id)));
                return documents.Where(d => d.Kind == kind).ToList();
            });
}
