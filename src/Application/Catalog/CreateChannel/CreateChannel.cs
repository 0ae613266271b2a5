using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.CreateChannel;

/// <summary>
/// Adds a sales channel selling in <paramref name="Currency"/>, active, with the default allocation policy of its kind (every
/// active warehouse by priority); a planner then edits the policy with SetChannelPolicy. Its code follows <see cref="ChannelCode"/>'s rules.
/// </summary>
public sealed record CreateChannel(Actor Actor, string Code, string Name, ChannelKind Kind, string Currency) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Code);
}

internal sealed class CreateChannelHandler(IChannelRepository channels, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateChannel, ChannelView>
{
    public async Task<Result<ChannelView>> HandleAsync(CreateChannel command, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(command.Kind))
            return new Error(CommonErrors.ValidationFailed, $"{command.Kind} is not a kind of channel.", "kind");
        var created = Channel.Open(command.Code, command.Name, command.Kind, command.Currency, command.Actor, clock.GetUtcNow());
        if (created.IsFailure)
            return Result<ChannelView>.Failure(created.Errors);
        if (await channels.GetAsync(created.Value.Code, cancellationToken) is not null)
            return new Error(CatalogErrors.ChannelExists, $"Channel {created.Value.Code} already exists.", "code");
        channels.Add(created.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? await channels.ViewAsync(created.Value, cancellationToken) : Result<ChannelView>.Failure(saved.Errors);
    }
}
