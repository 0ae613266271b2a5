using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.ParkedEvents.ListParkedEvents;

/// <summary>One page of the events the outbox's consumers parked or hold back, in outbox order, filtered by consumer and status.</summary>
public sealed record ListParkedEvents(ParkedEventListRequest Request);

/// <summary>A page size outside 0 to <see cref="ParkedEventListRequest.MaxSize"/> is the caller's mistake, with a code; else the page.</summary>
internal sealed class ListParkedEventsHandler(IParkedEvents parkedEvents) : IQueryHandler<ListParkedEvents, ParkedEventPage>
{
    public async Task<Result<ParkedEventPage>> HandleAsync(ListParkedEvents query, CancellationToken cancellationToken)
    {
        var request = query.Request;
        if (request.Size is < 0 or > ParkedEventListRequest.MaxSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 0 to {ParkedEventListRequest.MaxSize} parked events.", "first");
        if (request.Filter.Status is { } status && !Enum.IsDefined(status))
            return new Error(CommonErrors.ValidationFailed, "The status filter is not a parked-event status.", "filter.status");
        return await parkedEvents.ListAsync(request, cancellationToken);
    }
}
