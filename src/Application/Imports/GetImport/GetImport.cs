using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Imports.GetImport;

/// <summary>One import run: its state, progress and, once it ended, its outcome and report.</summary>
public sealed record GetImport(Guid Id);

internal sealed class GetImportHandler(IImportRunRepository runs) : IQueryHandler<GetImport, ImportRunView>
{
    public async Task<Result<ImportRunView>> HandleAsync(GetImport query, CancellationToken cancellationToken) =>
        await runs.FindAsync(query.Id, cancellationToken) is { } run
            ? ImportRunView.From(run)
            : new Error(ImportErrors.NotFound, $"There is no import {query.Id}.", "id");
}
