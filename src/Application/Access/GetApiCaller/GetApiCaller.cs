using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.GetApiCaller;

/// <summary>What an already authenticated client may do now: an open connection compares it with what it was granted.</summary>
public sealed record GetApiCaller(Guid ClientId);

internal sealed class GetApiCallerHandler(IApiClientRepository clients) : IQueryHandler<GetApiCaller, ApiCaller>
{
    public async Task<Result<ApiCaller>> HandleAsync(GetApiCaller query, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(query.ClientId, cancellationToken);
        return client is { IsActive: true }
            ? ApiCaller.Of(client)
            : new Error(ApiClientErrors.KeyInvalid, "The API key is not valid.");
    }
}
