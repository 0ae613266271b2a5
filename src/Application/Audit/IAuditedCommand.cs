using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Audit;

/// <summary>
/// A command a person or an API client sends, and so one the audit log records: who sends it, and the record it is about.
/// Every command that carries an <see cref="Domain.Common.Actor"/> is one (an architecture test holds to that); a command
/// without one is the system's alone, such as a job's.
/// </summary>
public interface IAuditedCommand
{
    Actor Actor { get; }

    /// <summary>The record the command acts on; for a command that creates one, <see cref="AuditSubject.Created{TRecord}"/>.</summary>
    AuditSubject Subject { get; }
}
