using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.GetFinanceDocument;

/// <summary>An invoice or credit note by its number, in any letter case (<c>cn-2026-000001</c> finds <c>CN-2026-000001</c>).</summary>
public sealed record GetFinanceDocument(string Number)
{
    /// <summary>
    /// Numbers are issued and stored upper-case (<c>INV-</c>, <c>CN-</c>); links and people write them in other cases (the admin's
    /// lower-cased URLs), so every lookup by number compares the stored form.
    /// </summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();
}

/// <summary>A number no document has (or one no document could have) is no document (null).</summary>
internal sealed class GetFinanceDocumentHandler(IFinanceReader finance) : IQueryHandler<GetFinanceDocument, FinanceDocument?>
{
    public async Task<Result<FinanceDocument?>> HandleAsync(GetFinanceDocument query, CancellationToken cancellationToken) =>
        Result<FinanceDocument?>.Success(string.IsNullOrWhiteSpace(query.Number) || query.Number.Length > FinanceDocument.NumberMaxLength
            ? null
            : await finance.FindDocumentAsync(GetFinanceDocument.Normalize(query.Number), cancellationToken));
}
