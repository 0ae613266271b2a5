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

    /// <summary>
    /// While the run is being checked or saved: until when the worker running it has said it is still at it (it says so again
    /// well before then). A run still Validating or Applying past it is one nobody runs any more: its worker stopped.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

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

    /// <summary>The worker takes the run until <paramref name="leaseUntil"/>; false when another run of the job took it first (or it is over).</summary>
    public bool Start(DateTimeOffset leaseUntil)
    {
        if (State != ImportState.Queued)
            return false;
        State = ImportState.Validating;
        RowsDone = 0;
        LeaseUntil = leaseUntil;
        Revision++;
        return true;
    }

    /// <summary>
    /// The worker running the import says it is still at it, until <paramref name="leaseUntil"/> (a lease only moves forward);
    /// false once the run is over, or not yet started. Not a change of the run's course, so it does not count as one: a renewal
    /// never makes the job's own progress lose its concurrency check.
    /// </summary>
    public bool Renew(DateTimeOffset leaseUntil)
    {
        if (State is not (ImportState.Validating or ImportState.Applying))
            return false;
        if (LeaseUntil is { } current && current >= leaseUntil)
            return false;
        LeaseUntil = leaseUntil;
        return true;
    }

    /// <summary>True while the run is being checked or saved and its worker's lease ran out before <paramref name="now"/>.</summary>
    public bool IsAbandoned(DateTimeOffset now) => State is ImportState.Validating or ImportState.Applying && LeaseRanOut(LeaseUntil, now);

    /// <summary>
    /// True when a lease until <paramref name="leaseUntil"/> has run out at <paramref name="now"/>. A run with none was taken by
    /// a worker of a version that held no leases and so cannot renew one: it counts as run out.
    /// </summary>
    public static bool LeaseRanOut(DateTimeOffset? leaseUntil, DateTimeOffset now) => leaseUntil is not { } lease || lease < now;

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

    /// <summary>
    /// Every row was taken in. From Applying; or from Failed, when the run was given up (its worker's lease ran out) while its
    /// save was committing after all: the rows the save took in are the truth, not the run's guess.
    /// </summary>
    public void Succeed(int imported, DateTimeOffset at)
    {
        if (State is not (ImportState.Applying or ImportState.Failed))
            throw new InvalidOperationException($"Import {Reference} is {State}; only an import being saved, or one given up while it was, succeeds.");
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
        (State, FinishedAt, Content, Problems, LeaseUntil) = (state, at, null, [.. problems], null);
        Revision++;
    }

    private void Expect(ImportState state)
    {
        if (State != state)
            throw new InvalidOperationException($"Import {Reference} is {State}, not {state}.");
    }
}
