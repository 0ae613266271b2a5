using System.Globalization;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.ListFinanceDocuments;

/// <summary>
/// What a list of invoices and credit notes is narrowed to; every given criterion must hold: the <see cref="Kind"/>, the order,
/// a number that starts with <see cref="NumberPrefix"/>, issued from <see cref="From"/> inclusive to <see cref="To"/> exclusive.
/// </summary>
public sealed record FinanceDocumentFilter(
    FinanceDocumentKind? Kind = null, Guid? OrderId = null, string? NumberPrefix = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// A position in the documents list (newest issued first): the issue time in UTC ticks, and the number to break ties, since a
/// document is keyed by its number rather than by a Guid as the other keyset lists are.
/// </summary>
public sealed record FinanceDocumentCursor(long IssuedAtTicks, string Number)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{IssuedAtTicks}:{Number}");

    public static FinanceDocumentCursor? Parse(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var number = separator > 0 ? text[(separator + 1)..] : "";
        return separator > 0 && long.TryParse(text[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && number.Length is > 0 and <= FinanceDocument.NumberMaxLength
            ? new FinanceDocumentCursor(ticks, number)
            : null;
    }
}

/// <summary>One page of invoices and credit notes, newest issued first, after <see cref="After"/>.</summary>
public sealed record ListFinanceDocuments(FinanceDocumentFilter Filter, int Size, FinanceDocumentCursor? After = null)
{
    public const int MaxSize = 100;
}

public sealed record FinanceDocumentPage(IReadOnlyList<FinanceDocument> Items, FinanceDocumentCursor? Next, int TotalCount);

/// <summary>A page size outside 1 to <see cref="ListFinanceDocuments.MaxSize"/> or a window that ends before it starts is the caller's mistake, with a code.</summary>
internal sealed class ListFinanceDocumentsHandler(IFinanceReader finance) : IQueryHandler<ListFinanceDocuments, FinanceDocumentPage>
{
    public async Task<Result<FinanceDocumentPage>> HandleAsync(ListFinanceDocuments query, CancellationToken cancellationToken)
    {
        if (query.Size is < 1 or > ListFinanceDocuments.MaxSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 1 to {ListFinanceDocuments.MaxSize} documents.", "first");
        if (query.Filter is { From: { } from, To: { } to } && to < from)
            return new Error(CommonErrors.ValidationFailed, "The window ends before it starts: 'to' must not be earlier than 'from'.", "filter.to");
        if (query.Filter.NumberPrefix is { Length: > FinanceDocument.NumberMaxLength })
            return new Error(CommonErrors.ValidationFailed, $"A document number has at most {FinanceDocument.NumberMaxLength} characters.", "filter.number");
        var filter = query.Filter.NumberPrefix is { } prefix ? query.Filter with { NumberPrefix = GetFinanceDocument.GetFinanceDocument.Normalize(prefix) } : query.Filter;
        return await finance.ListDocumentsAsync(query with { Filter = filter }, cancellationToken);
    }
}
