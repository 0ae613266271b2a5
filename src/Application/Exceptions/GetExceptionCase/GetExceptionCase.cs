using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.Exceptions.GetExceptionCase;

/// <summary>
/// One case with its timeline and priority factors. <paramref name="VisibleChannels"/> and <paramref name="VisibleQueues"/> are
/// the caller's restrictions (null: all): a case outside them does not exist for the caller.
/// </summary>
public sealed record GetExceptionCase(Guid CaseId, IReadOnlyCollection<string>? VisibleChannels = null, IReadOnlyCollection<string>? VisibleQueues = null);

internal sealed class GetExceptionCaseHandler(IExceptionCaseRepository cases, TimeProvider clock)
    : IQueryHandler<GetExceptionCase, ExceptionCaseView>
{
    public async Task<Result<ExceptionCaseView>> HandleAsync(GetExceptionCase query, CancellationToken cancellationToken)
    {
        var id = new ExceptionCaseId(query.CaseId);
        var exceptionCase = await cases.GetAsync(id, cancellationToken);
        if (exceptionCase is null
            || query.VisibleChannels is { } channels && !channels.Contains(exceptionCase.Channel, StringComparer.Ordinal)
            || query.VisibleQueues is { } queues && !queues.Contains(exceptionCase.Queue, StringComparer.Ordinal))
            return ExceptionCaseErrors.NotFound(id);
        return ExceptionCaseView.From(exceptionCase, clock.GetUtcNow());
    }
}
