using EcomErp.Domain.Common;

namespace EcomErp.Domain.Imports;

/// <summary>
/// One uploaded import file and how its run goes: the file waits here (bounded by the import's size limit) until the worker
/// takes it, the worker reports how many rows it has checked, and the end keeps the outcome and, for a refusal, every refused
/// row. The rows themselves are taken in by the import commands in one save, so a run never leaves half a file behind. It is
/// the record of a background job, not business state: it raises no event, and the commands it runs are audited.
/// </summary>
public sealed class ImportRun
{
    public const int FileNameMaxLength = 200;

    private ImportRun() { }

    public Guid Id { get; private set; }

    /// <summary>How the ledger and the audit log name the import (<c>IMPORT:&lt;reference&gt;</c>, subject <c>Import &lt;reference&gt;</c>).</summary>
    public string Reference { get; private set; } = "";

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>Who uploaded the file: the worker runs the import as this person, with the roles they had then.</summary>
    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public IReadOnlyList<string> ActorRoles { get; private set; } = [];

    public ImportState State { get; private set; }

    public int RowsTotal { get; private set; }

    /// <summary>Rows checked so far; all of them once the import is being saved.</summary>
    public int RowsDone { get; private set; }

    /// <summary>Rows taken in, once the import succeeded.</summary>
    public int? Imported { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The file's text until the run ends; then dropped, as the catalog or the ledger holds what it said.</summary>
    public string? Content { get; private set; }

    /// <summary>Why the import was refused or failed: per row (field <c>lines[&lt;line&gt;].&lt;column&gt;</c>) or about the whole file.</summary>
    public IReadOnlyList<Error> Problems { get; private set; } = [];

    /// <summary>Counts its changes, so two workers that both pick the run up cannot both start it.</summary>
    public int Revision { get; private set; }

    public bool IsFinished => State is ImportState.Succeeded or ImportState.Refused or ImportState.Failed;

    public Actor Actor => new(ActorId, ActorName, ActorRoles);

    public static ImportRun Queue(string reference, ImportKind kind, string fileName, Actor actor, string content, int rowsTotal, DateTimeOffset at)
    {
        var name = Path.GetFileName(fileName.Trim());
        return new ImportRun
        {
            Id = Guid.CreateVersion7(), Reference = reference, Kind = kind,
            FileName = name.Length > FileNameMaxLength ? name[..FileNameMaxLength] : name,
            ActorId = actor.Id, ActorName = actor.Name, ActorRoles = [.. actor.Roles], State = ImportState.Queued,
            RowsTotal = rowsTotal, Content = content, QueuedAt = at,
        };
    }

    /// <summary>The worker takes the run; false when another run of the job took it first (or it is over).</summary>
    public bool Start()
    {
        if (State != ImportState.Queued)
            return false;
        State = ImportState.Validating;
        RowsDone = 0;
        Revision++;
        return true;
    }

    /// <summary>The rows checked so far; the count only goes up, and never past the file's rows.</summary>
    public void Checked(int rows)
    {
        Expect(ImportState.Validating);
        RowsDone = Math.Clamp(rows, RowsDone, RowsTotal);
        Revision++;
    }

    /// <summary>Every row passed: the import is being saved, in one transaction.</summary>
    public void Apply()
    {
        Expect(ImportState.Validating);
        (State, RowsDone) = (ImportState.Applying, RowsTotal);
        Revision++;
    }

    public void Succeed(int imported, DateTimeOffset at)
    {
        Expect(ImportState.Applying);
        Imported = imported;
        End(ImportState.Succeeded, [], at);
    }

    /// <summary>Rows (or the file) were refused: nothing was taken in, and the problems say why.</summary>
    public void Refuse(IReadOnlyList<Error> problems, DateTimeOffset at)
    {
        if (problems.Count == 0)
            throw new ArgumentException("A refused import names at least one problem.", nameof(problems));
        if (State is not (ImportState.Validating or ImportState.Applying))
            throw new InvalidOperationException($"Import {Reference} is {State}; only a running import is refused.");
        End(ImportState.Refused, problems, at);
    }

    /// <summary>The worker could not finish the run (an unexpected fault); nothing was taken in.</summary>
    public void Fail(Error problem, DateTimeOffset at)
    {
        if (IsFinished)
            throw new InvalidOperationException($"Import {Reference} is already {State}.");
        End(ImportState.Failed, [problem], at);
    }

    private void End(ImportState state, IReadOnlyList<Error> problems, DateTimeOffset at)
    {
        (State, FinishedAt, Content, Problems) = (state, at, null, [.. problems]);
        Revision++;
    }

    private void Expect(ImportState state)
    {
        if (State != state)
            throw new InvalidOperationException($"Import {Reference} is {State}, not {state}.");
    }
}
