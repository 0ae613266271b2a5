using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Catalog.CreateSupplier;

/// <summary>Adds a supplier purchase orders may then name (a planner's or an administrator's decision); it starts active.</summary>
public sealed record CreateSupplier(Actor Actor, string Code, string Name, int LeadTimeDays, string? ContactName = null, string? ContactEmail = null,
    string? ContactPhone = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Supplier>(Code);
}

internal sealed class CreateSupplierHandler(ISupplierRepository suppliers, IUnitOfWork unitOfWork, IValidator<CreateSupplier> validator, TimeProvider clock)
    : ICommandHandler<CreateSupplier, SupplierView>
{
    public async Task<Result<SupplierView>> HandleAsync(CreateSupplier command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<SupplierView>.Failure(valid.Errors);
        var contact = SupplierContact.Create(command.ContactName, command.ContactEmail, command.ContactPhone);
        if (contact.IsFailure)
            return Result<SupplierView>.Failure(contact.Errors);
        var created = Supplier.Create(command.Code, command.Name, command.LeadTimeDays, contact.Value, command.Actor, clock.GetUtcNow());
        if (created.IsFailure)
            return Result<SupplierView>.Failure(created.Errors);
        if (await suppliers.GetAsync(created.Value.Code, cancellationToken) is not null)
            return SupplierErrors.Duplicate(created.Value.Code);
        suppliers.Add(created.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            // Someone added the same code between the check and the save.
            return saved.Errors.Any(e => e.Code == PersistenceErrors.DuplicateKey) ? SupplierErrors.Duplicate(created.Value.Code) : Result<SupplierView>.Failure(saved.Errors);
        return SupplierView.From(created.Value);
    }
}

internal sealed class CreateSupplierValidator : AbstractValidator<CreateSupplier>
{
    public CreateSupplierValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Code).Satisfies(v => SupplierCode.Create(v));
    }
}
