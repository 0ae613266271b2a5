using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.ListOrderFinanceDocuments;

/// <summary>The invoices and credit notes issued for one order, oldest first.</summary>
public sealed record ListOrderFinanceDocuments(Guid OrderId);

internal sealed class ListOrderFinanceDocumentsHandler(IFinanceReader finance) : IQueryHandler<ListOrderFinanceDocuments, IReadOnlyList<FinanceDocument>>
{
    public async Task<Result<IReadOnlyList<FinanceDocument>>> HandleAsync(ListOrderFinanceDocuments query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<FinanceDocument>>.Success((await finance.DocumentsOfOrdersAsync([query.OrderId], cancellationToken)).GetValueOrDefault(query.OrderId) ?? []);
}
