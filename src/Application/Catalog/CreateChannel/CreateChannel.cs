using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.CreateChannel;

/// <summary>
/// Adds a sales channel, active, with the default allocation policy of its kind (every active warehouse by priority); a
/// planner then edits the policy with SetChannelPolicy. Its code follows <see cref="ChannelCode"/>'s rules.
/// </summary>
public sealed record CreateChannel(Actor Actor, string Code, string Name, ChannelKind Kind) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Code);
}

internal sealed class CreateChannelHandler(IChannelRepository channels, IUnitOfWork unitOfWork) : ICommandHandler<CreateChannel, ChannelView>
{
    public async Task<Result<ChannelView>> HandleAsync(CreateChannel command, CancellationToken cancellationToken)
    {
        // Channel.Create has no actor (the seed makes the channels): the Planner rule of every other channel change applies here.
        if (!command.Actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{command.Actor.Name} may not add a channel: it needs the {Roles.Planner} role.");
        if (!Enum.IsDefined(command.Kind))
            return new Error(CommonErrors.ValidationFailed, $"{command.Kind} is not a kind of channel.", "kind");
        var created = Channel.Create(command.Code, command.Name, command.Kind);
        if (created.IsFailure)
            return Result<ChannelView>.Failure([.. created.Errors.Select(e => e.Field is null ? e.WithField("code") : e)]);
        if (await channels.GetAsync(created.Value.Code, cancellationToken) is not null)
            return new Error(CatalogErrors.ChannelExists, $"Channel {created.Value.Code} already exists.", "code");
        channels.Add(created.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? await channels.ViewAsync(created.Value, cancellationToken) : Result<ChannelView>.Failure(saved.Errors);
    }
}
