using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.UpdateSupplier;

/// <summary>Replaces a supplier's name, nominal lead time and contact.</summary>
public sealed record UpdateSupplier(Actor Actor, string Code, string Name, int LeadTimeDays, string? ContactName = null, string? ContactEmail = null,
    string? ContactPhone = null, int? ExpectedVersion = null) : SupplierCommand(Actor, Code, ExpectedVersion);

internal sealed class UpdateSupplierHandler(ISupplierRepository suppliers, IUnitOfWork unitOfWork, IValidator<UpdateSupplier> validator, TimeProvider clock)
    : SupplierCommandHandler<UpdateSupplier>(suppliers, unitOfWork, validator, clock)
{
    protected override Result Apply(Supplier supplier, UpdateSupplier command, DateTimeOffset now)
    {
        var contact = SupplierContact.Create(command.ContactName, command.ContactEmail, command.ContactPhone);
        return contact.IsFailure ? Result.Failure(contact.Errors) : supplier.Update(command.Name, command.LeadTimeDays, contact.Value, command.Actor, now);
    }
}

internal sealed class UpdateSupplierValidator : AbstractValidator<UpdateSupplier>
{
    public UpdateSupplierValidator() => Include(new SupplierCommandValidator());
}
