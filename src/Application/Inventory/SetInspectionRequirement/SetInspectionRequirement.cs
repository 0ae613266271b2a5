using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.SetInspectionRequirement;

/// <summary>Says whether received units of a SKU go to QualityHold for inspection instead of straight to Available.</summary>
public sealed record SetInspectionRequirement(Actor Actor, string Sku, bool RequiresInspection) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<InspectionRequirement>(Sku);
}

public sealed record InspectionRequirementView(string Sku, bool RequiresInspection, int Version);

internal sealed class SetInspectionRequirementHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<SetInspectionRequirement> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<SetInspectionRequirement, InspectionRequirementView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<InspectionRequirementView>> DecideAsync(SetInspectionRequirement command, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sku = SkuCode.Of(command.Sku);
        var known = await catalog.CheckKnownAsync([(sku, "sku")], [], cancellationToken);
        if (known.IsFailure)
            return Result<InspectionRequirementView>.Failure(known.Errors);
        if (await inventory.GetInspectionRequirementAsync(sku, cancellationToken) is { } requirement)
        {
            var changed = requirement.Change(command.RequiresInspection, command.Actor, now);
            return changed.IsSuccess ? View(requirement) : Result<InspectionRequirementView>.Failure(changed.Errors);
        }
        var created = InspectionRequirement.Create(sku, command.RequiresInspection, command.Actor, now);
        if (created.IsFailure)
            return Result<InspectionRequirementView>.Failure(created.Errors);
        inventory.Add(created.Value);
        return View(created.Value);
    }

    private static InspectionRequirementView View(InspectionRequirement requirement) =>
        new(requirement.Sku.Value, requirement.RequiresInspection, requirement.Version);
}

internal sealed class SetInspectionRequirementValidator : AbstractValidator<SetInspectionRequirement>
{
    public SetInspectionRequirementValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Sku).IsSku();
    }
}
