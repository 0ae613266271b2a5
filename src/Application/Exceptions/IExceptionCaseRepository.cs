using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.Exceptions;

/// <summary>Loads and adds exception cases. Changes are saved by the unit of work, with their events, in one transaction.</summary>
public interface IExceptionCaseRepository
{
    Task<ExceptionCase?> GetAsync(ExceptionCaseId id, CancellationToken cancellationToken);

    /// <summary>The case an order hold raised, open or closed; null when the hold raised none (yet).</summary>
    Task<ExceptionCase?> FindByHoldAsync(Guid holdId, CancellationToken cancellationToken);

    /// <summary>The open (or assigned) case of <paramref name="type"/> about <paramref name="subject"/>; null when none is open.</summary>
    Task<ExceptionCase?> FindOpenAsync(ExceptionType type, ExceptionSubject subject, CancellationToken cancellationToken);

    void Add(ExceptionCase exceptionCase);

    /// <summary>
    /// Open cases past their SLA due time at <paramref name="now"/> and below <paramref name="belowLevel"/>, earliest due
    /// first, at most <paramref name="limit"/>: the candidates of an escalation run (each still checks its own ladder).
    /// </summary>
    Task<IReadOnlyList<ExceptionCaseId>> FindOverdueAsync(DateTimeOffset now, int belowLevel, int limit, CancellationToken cancellationToken);
}
