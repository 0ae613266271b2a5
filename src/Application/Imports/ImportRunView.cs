using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;

namespace EcomErp.Application.Imports;

/// <summary>An import run as its page and the list show it (never the file's text).</summary>
public sealed record ImportRunView(
    Guid Id, string Reference, ImportKind Kind, string FileName, string ActorId, string ActorName, ImportState State, int RowsDone, int RowsTotal,
    int? Imported, DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt, IReadOnlyList<Error> Problems)
{
    public bool IsFinished => State is ImportState.Succeeded or ImportState.Refused or ImportState.Failed;

    public static ImportRunView From(ImportRun run) => new(run.Id, run.Reference, run.Kind, run.FileName, run.ActorId, run.ActorName, run.State,
        run.RowsDone, run.RowsTotal, run.Imported, run.QueuedAt, run.FinishedAt, run.Problems);
}
