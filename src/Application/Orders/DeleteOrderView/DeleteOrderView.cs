using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders.Views;
using FluentValidation;

namespace EcomErp.Application.Orders.DeleteOrderView;

/// <summary>Deletes one of the sender's saved views; another person's view is "not found" to them.</summary>
public sealed record DeleteOrderView(Actor Actor, Guid ViewId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<SavedOrderView>(ViewId);
}

internal sealed class DeleteOrderViewHandler(ISavedOrderViewRepository views, IUnitOfWork unitOfWork, IValidator<DeleteOrderView> validator)
    : ICommandHandler<DeleteOrderView, Guid>
{
    public async Task<Result<Guid>> HandleAsync(DeleteOrderView command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<Guid>.Failure(valid.Errors);
        var view = await views.GetAsync(command.ViewId, cancellationToken);
        if (view is null || !view.IsOwnedBy(command.Actor))
            return SavedOrderViewErrors.NotFound(command.ViewId);
        views.Remove(view);
        var written = await unitOfWork.SaveChangesAsync(cancellationToken);
        return written.IsFailure ? Result<Guid>.Failure(written.Errors) : view.Id;
    }
}

internal sealed class DeleteOrderViewValidator : AbstractValidator<DeleteOrderView>
{
    public DeleteOrderViewValidator() => RuleFor(c => c.Actor).IsActor();
}
