using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Catalog.CreateCarrier;

/// <summary>Adds a carrier shipments may leave with; it starts active.</summary>
public sealed record CreateCarrier(Actor Actor, string Code, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, string? TrackingUrlTemplate = null)
    : CarrierCommand(Actor, Code, Name, ServiceLevels, TrackingUrlTemplate);

internal sealed class CreateCarrierHandler(ICarrierRepository carriers, IUnitOfWork unitOfWork, IValidator<CreateCarrier> validator, TimeProvider clock)
    : ICommandHandler<CreateCarrier, CarrierView>
{
    public async Task<Result<CarrierView>> HandleAsync(CreateCarrier command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<CarrierView>.Failure(valid.Errors);
        var created = Carrier.Create(command.Code, command.Name, command.ServiceLevels, command.TrackingUrlTemplate, command.Actor, clock.GetUtcNow());
        if (created.IsFailure)
            return Result<CarrierView>.Failure(created.Errors);
        if (await carriers.GetAsync(created.Value.Code, cancellationToken) is not null)
            return CarrierErrors.Duplicate(created.Value.Code);
        carriers.Add(created.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            // Someone added the same code between the check and the save.
            return saved.Errors.Any(e => e.Code == PersistenceErrors.DuplicateKey) ? CarrierErrors.Duplicate(created.Value.Code) : Result<CarrierView>.Failure(saved.Errors);
        return CarrierView.From(created.Value);
    }
}

internal sealed class CreateCarrierValidator : AbstractValidator<CreateCarrier>
{
    public CreateCarrierValidator() => Include(new CarrierCommandValidator());
}
