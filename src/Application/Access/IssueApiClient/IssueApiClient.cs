using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.IssueApiClient;

/// <summary>Issues an API client with its scopes, channels and granted roles. The plain key is in the result and nowhere else: show it once.</summary>
public sealed record IssueApiClient(Actor Actor, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels, IReadOnlyList<string> Roles)
    : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<ApiClient>();
}

public sealed record IssuedApiClient(Guid ClientId, string Name, string PlainKey);

internal sealed class IssueApiClientHandler(IApiClientRepository clients, ApiClientAccess access, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<IssueApiClient, IssuedApiClient>
{
    public async Task<Result<IssuedApiClient>> HandleAsync(IssueApiClient command, CancellationToken cancellationToken)
    {
        var channels = await access.ChannelsAsync(command.Channels, cancellationToken);
        if (channels.IsFailure)
            return Result<IssuedApiClient>.Failure(channels.Errors);
        var issued = ApiClient.Issue(command.Name, command.Scopes, command.Roles, channels.Value, command.Actor, clock.GetUtcNow());
        if (issued.IsFailure)
            return Result<IssuedApiClient>.Failure(issued.Errors);
        var (client, plainKey) = issued.Value;
        clients.Add(client);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<IssuedApiClient>.Failure(saved.Errors) : new IssuedApiClient(client.Id, client.Name, plainKey);
    }
}
