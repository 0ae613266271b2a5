using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.ParkedEvents.GetParkedEvent;

/// <summary>One parked or held event with the first events of its aggregate its consumer holds behind it (decision 054).</summary>
public sealed record GetParkedEvent(Guid Id);

/// <summary>An unknown id answers PARKED_EVENT_NOT_FOUND, as the retry and skip of that id would.</summary>
internal sealed class GetParkedEventHandler(IParkedEvents parkedEvents) : IQueryHandler<GetParkedEvent, ParkedEventDetail>
{
    public async Task<Result<ParkedEventDetail>> HandleAsync(GetParkedEvent query, CancellationToken cancellationToken) =>
        await parkedEvents.GetAsync(query.Id, cancellationToken) is { } detail ? detail : ParkedEventErrors.NotFound(query.Id);
}
