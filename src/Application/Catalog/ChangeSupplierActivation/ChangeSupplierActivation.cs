using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.ChangeSupplierActivation;

/// <summary>Lets purchase orders name the supplier again.</summary>
public sealed record ActivateSupplier(Actor Actor, string Code, int? ExpectedVersion = null) : SupplierCommand(Actor, Code, ExpectedVersion);

/// <summary>Stops new purchase orders naming the supplier; its open orders and history stay as they are.</summary>
public sealed record DeactivateSupplier(Actor Actor, string Code, int? ExpectedVersion = null) : SupplierCommand(Actor, Code, ExpectedVersion);

internal sealed class ActivateSupplierHandler(ISupplierRepository suppliers, IUnitOfWork unitOfWork, IValidator<ActivateSupplier> validator, TimeProvider clock)
    : SupplierCommandHandler<ActivateSupplier>(suppliers, unitOfWork, validator, clock)
{
    protected override Result Apply(Supplier supplier, ActivateSupplier command, DateTimeOffset now) => supplier.Activate(command.Actor, now);
}

internal sealed class DeactivateSupplierHandler(ISupplierRepository suppliers, IUnitOfWork unitOfWork, IValidator<DeactivateSupplier> validator, TimeProvider clock)
    : SupplierCommandHandler<DeactivateSupplier>(suppliers, unitOfWork, validator, clock)
{
    protected override Result Apply(Supplier supplier, DeactivateSupplier command, DateTimeOffset now) => supplier.Deactivate(command.Actor, now);
}

internal sealed class ActivateSupplierValidator : AbstractValidator<ActivateSupplier>
{
    public ActivateSupplierValidator() => Include(new SupplierCommandValidator());
}

internal sealed class DeactivateSupplierValidator : AbstractValidator<DeactivateSupplier>
{
    public DeactivateSupplierValidator() => Include(new SupplierCommandValidator());
}
