using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Imports.ListImports;

/// <summary>The import runs, newest first, one page at a time (pages counted from 1).</summary>
public sealed record ListImports(int PageNumber = 1, int PageSize = ListImports.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

/// <summary>A page of import runs, and whether a later page holds more.</summary>
public sealed record ImportRunPage(IReadOnlyList<ImportRunView> Runs, int PageNumber, bool HasNext);

internal sealed class ListImportsHandler(IImportRunRepository runs) : IQueryHandler<ListImports, ImportRunPage>
{
    // Far enough for anyone paging by hand; it keeps the offset (and the skipped rows the database reads) bounded.
    private const int MaxPageNumber = 10_000;

    public async Task<Result<ImportRunPage>> HandleAsync(ListImports query, CancellationToken cancellationToken)
    {
        if (query.PageSize is < 1 or > ListImports.MaxPageSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 1 to {ListImports.MaxPageSize} imports.", "pageSize");
        if (query.PageNumber is < 1 or > MaxPageNumber)
            return new Error(CommonErrors.ValidationFailed, $"Pages are numbered 1 to {MaxPageNumber}.", "pageNumber");
        var page = await runs.ListAsync((query.PageNumber - 1) * query.PageSize, query.PageSize + 1, cancellationToken);
        return new ImportRunPage([.. page.Take(query.PageSize).Select(ImportRunView.From)], query.PageNumber, page.Count > query.PageSize);
    }
}
