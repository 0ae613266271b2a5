using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.ListApiClients;

public sealed record ListApiClients;

public sealed record ApiClientSummary(
    Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels, IReadOnlyList<string> Roles,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed class ListApiClientsHandler(IApiClientRepository clients) : IQueryHandler<ListApiClients, IReadOnlyList<ApiClientSummary>>
{
    public async Task<Result<IReadOnlyList<ApiClientSummary>>> HandleAsync(ListApiClients query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<ApiClientSummary>>.Success([.. (await clients.ListAsync(cancellationToken))
            .Select(c => new ApiClientSummary(c.Id, c.Name, c.KeyPrefix, c.Scopes, c.Channels, c.Roles, c.CreatedBy, c.CreatedAt, c.RevokedAt))]);
}
