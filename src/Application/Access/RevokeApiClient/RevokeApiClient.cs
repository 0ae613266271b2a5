using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.RevokeApiClient;

/// <summary>Revokes an API client: its key stops working at once.</summary>
public sealed record RevokeApiClient(Actor Actor, Guid ClientId);

internal sealed class RevokeApiClientHandler(IApiClientRepository clients, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RevokeApiClient, Guid>
{
    public async Task<Result<Guid>> HandleAsync(RevokeApiClient command, CancellationToken cancellationToken)
    {
        var client = await clients.GetAsync(command.ClientId, cancellationToken);
        if (client is null)
            return new Error(ApiClientErrors.NotFound, $"API client {command.ClientId} does not exist.", "clientId");
        var revoked = client.Revoke(command.Actor, clock.GetUtcNow());
        if (revoked.IsFailure)
            return Result<Guid>.Failure(revoked.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<Guid>.Failure(saved.Errors) : client.Id;
    }
}
