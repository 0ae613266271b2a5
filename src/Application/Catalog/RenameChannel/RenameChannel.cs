using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.RenameChannel;

/// <summary>Gives a channel a new display name; its code, which orders, keys and policies name, never changes.</summary>
public sealed record RenameChannel(Actor Actor, string Channel, string Name) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Channel);
}

internal sealed class RenameChannelHandler(ChannelActivation change) : ICommandHandler<RenameChannel, ChannelView>
{
    public Task<Result<ChannelView>> HandleAsync(RenameChannel command, CancellationToken cancellationToken) =>
        change.ChangeAsync(command.Actor, command.Channel, (channel, at) => channel.Rename(command.Name, command.Actor, at), cancellationToken);
}
