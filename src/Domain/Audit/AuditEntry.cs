using EcomErp.Domain.Common;

namespace EcomErp.Domain.Audit;

/// <summary>
/// One command by a person or an API client, as the audit log keeps it: who (id, name, kind, the roles they acted in), what
/// (the command), on what (its subject), when, how it ended (the error codes of a refusal) and, for master data and policy,
/// the values before and after. Append-only: an entry is recorded once and never changed or removed, so it has no setter
/// and no method that changes it (the store refuses to save a changed or deleted one).
/// </summary>
public sealed class AuditEntry
{
    public const int CommandMaxLength = 100;
    public const int ActorIdMaxLength = 128;
    public const int ActorNameMaxLength = 256;

    private AuditEntry() { }

    public Guid Id { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ActorKind ActorKind { get; private set; }
    public IReadOnlyList<string> ActorRoles { get; private set; } = [];
    public string Command { get; private set; } = "";
    public string? SubjectKind { get; private set; }
    public string? SubjectId { get; private set; }
    public AuditOutcome Outcome { get; private set; }
    public IReadOnlyList<string> ErrorCodes { get; private set; } = [];
    public IReadOnlyList<AuditedChange> Changes { get; private set; } = [];

    /// <summary>A command whose changes are saved in the same transaction as this entry.</summary>
    public static AuditEntry Succeeded(string command, Actor actor, AuditSubject? subject, IReadOnlyList<AuditedChange> changes, DateTimeOffset at) =>
        New(command, actor, subject, AuditOutcome.Succeeded, [], changes, at);

    /// <summary>A command that was refused with these errors and changed nothing.</summary>
    public static AuditEntry Refused(string command, Actor actor, AuditSubject? subject, IReadOnlyList<Error> errors, DateTimeOffset at) =>
        New(command, actor, subject, AuditOutcome.Refused, [.. errors.Select(e => e.Code).Distinct(StringComparer.Ordinal)], [], at);

    private static AuditEntry New(
        string command, Actor actor, AuditSubject? subject, AuditOutcome outcome, IReadOnlyList<string> errorCodes, IReadOnlyList<AuditedChange> changes,
        DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(at),
            RecordedAt = at,
            // Ids and names come from Identity and API clients, a subject id from the caller's input: kept to their columns.
            ActorId = Clip(actor.Id, ActorIdMaxLength)!,
            ActorName = Clip(actor.Name, ActorNameMaxLength)!,
            ActorKind = actor.Kind,
            ActorRoles = [.. actor.Roles],
            Command = Clip(command, CommandMaxLength)!,
            SubjectKind = Clip(subject?.Kind, AuditSubject.KindMaxLength),
            SubjectId = Clip(subject?.Id, AuditSubject.IdMaxLength),
            Outcome = outcome,
            ErrorCodes = errorCodes,
            Changes = changes,
        };

    private static string? Clip(string? text, int maxLength) => text is { Length: var length } && length > maxLength ? text[..maxLength] : text;
}
