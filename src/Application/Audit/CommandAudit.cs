using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Audit;

/// <summary>
/// The audited command being handled in this scope, so the unit of work records it with the save the command makes (in the
/// same transaction): the first successful save records it, and a command is recorded once however often its handler saves
/// or retries. Commands handled inside another one stack: each save belongs to the innermost.
/// </summary>
public sealed class CommandAudit
{
    private AuditedCommand? _current;

    /// <summary>The command whose entry the next save should add; null outside an audited command, or once its entry is saved.</summary>
    public AuditedCommand? Unrecorded => _current is { IsRecorded: false } current ? current : null;

    /// <summary>Makes <paramref name="command"/> the current one until the returned scope is disposed.</summary>
    internal IDisposable Begin(AuditedCommand command)
    {
        var outer = _current;
        _current = command;
        return new Restore(this, outer);
    }

    private sealed class Restore(CommandAudit audit, AuditedCommand? outer) : IDisposable
    {
        public void Dispose() => audit._current = outer;
    }
}

/// <summary>A command the audit log records: its name (the command type's), who sent it and what it is about.</summary>
public sealed class AuditedCommand(string name, Actor actor, AuditSubject subject)
{
    public string Name { get; } = name;
    public Actor Actor { get; } = actor;
    public AuditSubject Subject { get; } = subject;

    private readonly List<AuditedChange> _changes = [];

    /// <summary>
    /// Changes the handler states itself, for a record the change tracker does not show as people read it (a user's roles are
    /// rows of ids in Identity's tables; the entry says "Finance, Planner" before and after, and never a password).
    /// </summary>
    public IReadOnlyList<AuditedChange> Changes => _changes;

    public void Describe(AuditedChange change) => _changes.Add(change);

    /// <summary>True once a save carried the command's entry.</summary>
    public bool IsRecorded { get; private set; }

    /// <summary>The unit of work says so after the save that carried the entry committed.</summary>
    public void Recorded() => IsRecorded = true;
}
