using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.RevokeApiClient;

/// <summary>Revokes an API client: its key stops working at once, on open connections too.</summary>
public sealed record RevokeApiClient(Actor Actor, Guid ClientId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<ApiClient>(ClientId);
}

internal sealed class RevokeApiClientHandler(IApiClientRepository clients, ApiClientAccess access, IUnitOfWork unitOfWork, TimeProvider clock)
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
        if (saved.IsFailure)
            return Result<Guid>.Failure(saved.Errors);
        await access.AnnounceChangeAsync(client.Id);
        return client.Id;
    }
}
