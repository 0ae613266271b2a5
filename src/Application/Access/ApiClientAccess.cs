using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Access;

/// <summary>What issuing a client and changing its access share: the channels must exist, and every node must hear a change.</summary>
internal sealed partial class ApiClientAccess(ICatalog catalog, INotificationBus bus, TimeProvider clock, ILogger<ApiClientAccess> logger)
{
    /// <summary>The channel codes, each valid and known; an error names the first one that is not.</summary>
    public async Task<Result<IReadOnlyList<ChannelCode>>> ChannelsAsync(IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var codes = new List<ChannelCode>();
        for (var i = 0; i < channels.Count; i++)
        {
            var code = ChannelCode.Create(channels[i]);
            if (code.IsFailure)
                return code.Error.WithField($"channels[{i}]");
            if (await catalog.FindChannelAsync(code.Value, cancellationToken) is null)
                return new Error(Domain.Orders.OrderErrors.UnknownChannelCode, $"Channel {code.Value} does not exist.", $"channels[{i}]");
            codes.Add(code.Value);
        }
        return codes;
    }

    /// <summary>
    /// Tells every node that the client's grants changed, after the change is committed. A lost announcement (Redis away)
    /// does not fail the command: the change is saved, and open connections re-check their key within seconds anyway.
    /// </summary>
    public async Task AnnounceChangeAsync(Guid clientId)
    {
        try
        {
            // Not the request's token: once the change is committed, it is announced even if the admin's browser went away.
            await bus.PublishAsync(new ApiClientChangedNotification(clientId, clock.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogAnnounceFailed(logger, exception, clientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change of API client {ClientId} was saved but not announced; open connections notice it at their next re-check")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, Guid clientId);
}
