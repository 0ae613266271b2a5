using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Catalog;

/// <summary>
/// A command on one existing supplier. <see cref="ExpectedVersion"/>, when given, is the version the editor saw: a supplier
/// changed since then is a conflict, not silently overwritten.
/// </summary>
public abstract record SupplierCommand(Actor Actor, string Code, int? ExpectedVersion) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Supplier>(Code);
}

/// <summary>Load the supplier, let it decide, save, answer with the supplier as it was left.</summary>
public abstract class SupplierCommandHandler<TCommand>(ISupplierRepository suppliers, IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock)
    : ICommandHandler<TCommand, SupplierView>
    where TCommand : SupplierCommand
{
    public async Task<Result<SupplierView>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<SupplierView>.Failure(valid.Errors);
        var code = SupplierCode.Of(command.Code);
        if (await suppliers.GetAsync(code, cancellationToken) is not { } supplier)
            return SupplierErrors.NotFound(code, "code");
        if (command.ExpectedVersion is { } expected && expected != supplier.Version)
            return CommonErrors.StaleVersion($"Supplier {code}", supplier.Version, expected);
        var applied = Apply(supplier, command, clock.GetUtcNow());
        if (applied.IsFailure)
            return Result<SupplierView>.Failure(applied.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? SupplierView.From(supplier) : Result<SupplierView>.Failure(saved.Errors);
    }

    protected abstract Result Apply(Supplier supplier, TCommand command, DateTimeOffset now);
}

/// <summary>Every supplier command names who acts and a well-formed supplier code.</summary>
internal sealed class SupplierCommandValidator : AbstractValidator<SupplierCommand>
{
    public SupplierCommandValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Code).Satisfies(v => SupplierCode.Create(v));
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
