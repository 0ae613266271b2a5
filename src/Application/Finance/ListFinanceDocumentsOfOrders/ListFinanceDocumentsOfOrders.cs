using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.ListFinanceDocumentsOfOrders;

/// <summary>
/// The invoices and credit notes of many orders at once, each order's oldest first: what <c>Order { invoices creditNotes }</c>
/// needs for a page of orders in one read. Every order asked for has an entry, empty when it has no documents.
/// </summary>
public sealed record ListFinanceDocumentsOfOrders(IReadOnlyCollection<Guid> OrderIds);

internal sealed class ListFinanceDocumentsOfOrdersHandler(IFinanceReader finance)
    : IQueryHandler<ListFinanceDocumentsOfOrders, IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>>> HandleAsync(ListFinanceDocumentsOfOrders query, CancellationToken cancellationToken)
    {
        var found = await finance.DocumentsOfOrdersAsync(query.OrderIds, cancellationToken);
        return Result<IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>>.Success(query.OrderIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? []));
    }
}
