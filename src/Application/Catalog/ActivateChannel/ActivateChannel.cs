using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.ActivateChannel;

/// <summary>Lets a channel take new orders again.</summary>
public sealed record ActivateChannel(Actor Actor, string Channel) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Channel);
}

/// <summary>Stops a channel taking new orders; orders already captured go on through the workflow.</summary>
public sealed record DeactivateChannel(Actor Actor, string Channel) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Channel);
}

internal sealed class ActivateChannelHandler(ChannelActivation activation) : ICommandHandler<ActivateChannel, ChannelView>
{
    public Task<Result<ChannelView>> HandleAsync(ActivateChannel command, CancellationToken cancellationToken) =>
        activation.ChangeAsync(command.Actor, command.Channel, (channel, at) => channel.Activate(command.Actor, at), cancellationToken);
}

internal sealed class DeactivateChannelHandler(ChannelActivation activation) : ICommandHandler<DeactivateChannel, ChannelView>
{
    public Task<Result<ChannelView>> HandleAsync(DeactivateChannel command, CancellationToken cancellationToken) =>
        activation.ChangeAsync(command.Actor, command.Channel, (channel, at) => channel.Deactivate(command.Actor, at), cancellationToken);
}

/// <summary>The one path of the commands that change a channel (activation, RenameChannel): load it, let it decide, save with its event.</summary>
internal sealed class ChannelActivation(IChannelRepository channels, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<Result<ChannelView>> ChangeAsync(Actor actor, string code, Func<Channel, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var parsed = ChannelCode.Create(code);
        if (parsed.IsFailure)
            return Result<ChannelView>.Failure([.. parsed.Errors.Select(e => e.WithField("channel"))]);
        var channel = await channels.GetAsync(parsed.Value, cancellationToken);
        if (channel is null)
            return ChannelPolicyErrors.ChannelNotFound(parsed.Value);
        var changed = change(channel, clock.GetUtcNow());
        if (changed.IsFailure)
            return Result<ChannelView>.Failure(changed.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<ChannelView>.Failure(saved.Errors);
        return await channels.ViewAsync(channel, cancellationToken);
    }
}

internal static class ChannelViews
{
    /// <summary>The channel as commands answer it, its policy resolved against the location network.</summary>
    public static async Task<ChannelView> ViewAsync(this IChannelRepository channels, Channel channel, CancellationToken cancellationToken) =>
        new(channel.Code.Value, channel.Name, channel.Kind, channel.Currency.Code, channel.IsActive, ChannelPolicyView.From(channel, await channels.ListLocationsAsync(cancellationToken)));
}
