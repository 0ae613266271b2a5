using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders.ListOrderViews;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders.Views;
using FluentValidation;

namespace EcomErp.Application.Orders.SaveOrderView;

/// <summary>
/// Keeps the orders list's current filters and sort (<paramref name="Query"/>) under a name of the sender's own; with
/// <paramref name="ViewId"/>, renames that view of theirs instead and keeps its filters (<paramref name="Query"/> is then ignored).
/// </summary>
public sealed record SaveOrderView(Actor Actor, string Name, string? Query, Guid? ViewId = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => ViewId is { } id ? AuditSubject.Of<SavedOrderView>(id) : AuditSubject.Created<SavedOrderView>();
}

internal sealed class SaveOrderViewHandler(ISavedOrderViewRepository views, IUnitOfWork unitOfWork, IValidator<SaveOrderView> validator, TimeProvider clock)
    : ICommandHandler<SaveOrderView, SavedOrderViewItem>
{
    public async Task<Result<SavedOrderViewItem>> HandleAsync(SaveOrderView command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<SavedOrderViewItem>.Failure(valid.Errors);
        var saved = command.ViewId is { } id ? await RenameAsync(id, command, cancellationToken) : await CreateAsync(command, cancellationToken);
        if (saved.IsFailure)
            return Result<SavedOrderViewItem>.Failure(saved.Errors);
        var written = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (written.IsFailure)
            // The same name saved by a second request between the check and the save: the unique index refuses it.
            return written.Errors.Any(e => e.Code == PersistenceErrors.DuplicateKey)
                ? SavedOrderViewErrors.NameTaken(command.Name)
                : Result<SavedOrderViewItem>.Failure(written.Errors);
        return SavedOrderViewItem.From(saved.Value);
    }

    private async Task<Result<SavedOrderView>> CreateAsync(SaveOrderView command, CancellationToken cancellationToken)
    {
        var created = SavedOrderView.Create(command.Actor, command.Name, command.Query ?? "", clock.GetUtcNow());
        if (created.IsFailure)
            return created;
        if (await views.NameTakenAsync(command.Actor.Id, created.Value.NormalizedName, null, cancellationToken))
            return SavedOrderViewErrors.NameTaken(command.Name);
        if (await views.CountAsync(command.Actor.Id, cancellationToken) >= SavedOrderView.MaxPerOwner)
            return SavedOrderViewErrors.LimitReached();
        views.Add(created.Value);
        return created;
    }

    private async Task<Result<SavedOrderView>> RenameAsync(Guid id, SaveOrderView command, CancellationToken cancellationToken)
    {
        var view = await views.GetAsync(id, cancellationToken);
        if (view is null || !view.IsOwnedBy(command.Actor))
            return SavedOrderViewErrors.NotFound(id);
        var renamed = view.Rename(command.Name, command.Actor, clock.GetUtcNow());
        if (renamed.IsFailure)
            return Result<SavedOrderView>.Failure(renamed.Errors);
        if (await views.NameTakenAsync(command.Actor.Id, view.NormalizedName, view.Id, cancellationToken))
            return SavedOrderViewErrors.NameTaken(command.Name);
        return view;
    }
}

internal sealed class SaveOrderViewValidator : AbstractValidator<SaveOrderView>
{
    public SaveOrderViewValidator() => RuleFor(c => c.Actor).IsActor();
}
