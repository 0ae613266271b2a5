using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Catalog.UpdateCarrier;

/// <summary>
/// Replaces a carrier's details, its active flag included. <see cref="ExpectedVersion"/>, when given, is the version the
/// editor saw: a carrier changed since then is a conflict.
/// </summary>
public sealed record UpdateCarrier(Actor Actor, string Code, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, string? TrackingUrlTemplate, bool IsActive,
    int? ExpectedVersion = null) : CarrierCommand(Actor, Code, Name, ServiceLevels, TrackingUrlTemplate);

internal sealed class UpdateCarrierHandler(ICarrierRepository carriers, IUnitOfWork unitOfWork, IValidator<UpdateCarrier> validator, TimeProvider clock)
    : ICommandHandler<UpdateCarrier, CarrierView>
{
    public async Task<Result<CarrierView>> HandleAsync(UpdateCarrier command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<CarrierView>.Failure(valid.Errors);
        var code = CarrierCode.Of(command.Code);
        if (await carriers.GetAsync(code, cancellationToken) is not { } carrier)
            return CarrierErrors.NotFound(code);
        if (command.ExpectedVersion is { } expected && expected != carrier.Version)
            return CommonErrors.StaleVersion($"Carrier {code}", carrier.Version, expected);
        var updated = carrier.Update(command.Name, command.ServiceLevels, command.TrackingUrlTemplate, command.IsActive, command.Actor, clock.GetUtcNow());
        if (updated.IsFailure)
            return Result<CarrierView>.Failure(updated.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? CarrierView.From(carrier) : Result<CarrierView>.Failure(saved.Errors);
    }
}

internal sealed class UpdateCarrierValidator : AbstractValidator<UpdateCarrier>
{
    public UpdateCarrierValidator()
    {
        Include(new CarrierCommandValidator());
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
