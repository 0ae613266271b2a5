using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Finance.ListFinanceDocumentsOfOrders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Finance;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

/// <summary>
/// <c>Order { invoices creditNotes }</c>. Order is reached through fields open to partners, and the root rule (decision 013)
/// only guards root fields, so each of these checks both of its rules itself: the 'finance:read' scope, and no key restricted
/// to channels (the documents book every channel's money, decision 039). Both refusals are FORBIDDEN with the field null.
/// Both fields share one batch: the documents of every order a level of the result holds are one read.
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
            .Resolve(context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                context.RefuseKeysRestrictedToChannels();
                var documents = context.RequestServices!
                    .GetRequiredService<IQueryHandler<ListFinanceDocumentsOfOrders, IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>>>();
                // The query cannot fail: every order asked for has an entry.
                return BatchLoader<Guid, IReadOnlyList<FinanceDocument>>.For(context, "finance-documents-of-orders",
                        async (ids, ct) => (await documents.HandleAsync(new ListFinanceDocumentsOfOrders(ids), ct)).Value)
                    .Load(context.Source.Summary.Id, found => found.Where(d => d.Kind == kind).ToList());
            });
}
