using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.GetFinanceDocument;

/// <summary>An invoice or credit note by its number.</summary>
public sealed record GetFinanceDocument(string Number);

/// <summary>A number no document has (or one no document could have) is no document (null).</summary>
internal sealed class GetFinanceDocumentHandler(IFinanceReader finance) : IQueryHandler<GetFinanceDocument, FinanceDocument?>
{
    public async Task<Result<FinanceDocument?>> HandleAsync(GetFinanceDocument query, CancellationToken cancellationToken) =>
        Result<FinanceDocument?>.Success(string.IsNullOrWhiteSpace(query.Number) || query.Number.Length > FinanceDocument.NumberMaxLength
            ? null
            : await finance.FindDocumentAsync(query.Number.Trim(), cancellationToken));
}
