using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Catalog;

/// <summary>A carrier's details as the admin edits them: one form for creating and changing one.</summary>
public abstract record CarrierCommand(Actor Actor, string Code, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, string? TrackingUrlTemplate)
    : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Carrier>(Code);
}

/// <summary>The shape of a carrier command; the rules on the values themselves belong to <see cref="Carrier"/>.</summary>
internal sealed class CarrierCommandValidator : AbstractValidator<CarrierCommand>
{
    public CarrierCommandValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Code).Satisfies(v => CarrierCode.Create(v));
        RuleFor(c => c.ServiceLevels).NotNull().WithErrorCode(CarrierErrors.ServiceLevelsInvalidCode).WithMessage("A carrier offers at least one service level.");
    }
}
