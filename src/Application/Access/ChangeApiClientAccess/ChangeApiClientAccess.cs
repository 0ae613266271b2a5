using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.ChangeApiClientAccess;

/// <summary>Replaces an API client's scopes, channels and granted roles; connections opened with the old grants are closed.</summary>
public sealed record ChangeApiClientAccess(Actor Actor, Guid ClientId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels, IReadOnlyList<string> Roles)
    : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<ApiClient>(ClientId);
}

internal sealed class ChangeApiClientAccessHandler(IApiClientRepository clients, ApiClientAccess access, IUnitOfWork unitOfWork)
    : ICommandHandler<ChangeApiClientAccess, Guid>
{
    public async Task<Result<Guid>> HandleAsync(ChangeApiClientAccess command, CancellationToken cancellationToken)
    {
        var channels = await access.ChannelsAsync(command.Channels, cancellationToken);
        if (channels.IsFailure)
            return Result<Guid>.Failure(channels.Errors);
        var client = await clients.GetAsync(command.ClientId, cancellationToken);
        if (client is null)
            return new Error(ApiClientErrors.NotFound, $"API client {command.ClientId} does not exist.", "clientId");
        var changed = client.ChangeAccess(command.Scopes, command.Roles, channels.Value, command.Actor);
        if (changed.IsFailure)
            return Result<Guid>.Failure(changed.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<Guid>.Failure(saved.Errors);
        await access.AnnounceChangeAsync(client.Id);
        return client.Id;
    }
}
