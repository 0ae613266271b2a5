using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.IssueApiClient;

/// <summary>Issues an API client. The plain key is in the result and nowhere else: show it once.</summary>
public sealed record IssueApiClient(Actor Actor, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels);

public sealed record IssuedApiClient(Guid ClientId, string Name, string PlainKey);

internal sealed class IssueApiClientHandler(IApiClientRepository clients, ICatalog catalog, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<IssueApiClient, IssuedApiClient>
{
    public async Task<Result<IssuedApiClient>> HandleAsync(IssueApiClient command, CancellationToken cancellationToken)
    {
        var channels = new List<ChannelCode>();
        for (var i = 0; i < command.Channels.Count; i++)
        {
            var code = ChannelCode.Create(command.Channels[i]);
            if (code.IsFailure)
                return code.Error.WithField($"channels[{i}]");
            if (await catalog.FindChannelAsync(code.Value, cancellationToken) is null)
                return new Error(Domain.Orders.OrderErrors.UnknownChannelCode, $"Channel {code.Value} does not exist.", $"channels[{i}]");
            channels.Add(code.Value);
        }
        var issued = ApiClient.Issue(command.Name, command.Scopes, channels, command.Actor, clock.GetUtcNow());
        if (issued.IsFailure)
            return Result<IssuedApiClient>.Failure(issued.Errors);
        var (client, plainKey) = issued.Value;
        clients.Add(client);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<IssuedApiClient>.Failure(saved.Errors) : new IssuedApiClient(client.Id, client.Name, plainKey);
    }
}
