using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.CreatePurchaseOrder;

/// <summary>
/// Drafts a purchase order from an active supplier of the master data for one receiving location. Nothing is Inbound until
/// it is confirmed.
/// </summary>
public sealed record CreatePurchaseOrder(Actor Actor, string Supplier, string Location, IReadOnlyList<CreatePurchaseOrderLine> Lines) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<PurchaseOrder>();
}

public sealed record CreatePurchaseOrderLine(string Sku, int Quantity, DateOnly ExpectedOn);

internal sealed class CreatePurchaseOrderHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<CreatePurchaseOrder> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<CreatePurchaseOrder, PurchaseOrderView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<PurchaseOrderView>> DecideAsync(CreatePurchaseOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var location = LocationCode.Of(command.Location);
        var lines = command.Lines.Select(l => new PurchaseOrderLineDraft(SkuCode.Of(l.Sku), Quantity.Of(l.Quantity), l.ExpectedOn)).ToList();
        var supplier = SupplierCode.Of(command.Supplier);
        var known = await catalog.CheckKnownAsync([.. lines.Select((l, i) => (l.Sku, $"lines[{i}].sku"))], [(location, "location")], cancellationToken);
        var orderable = await catalog.CheckOrderableSupplierAsync(supplier, cancellationToken);
        if (known.IsFailure || orderable.IsFailure)
            return Result<PurchaseOrderView>.Failure([.. orderable.Errors, .. known.Errors]);
        var created = PurchaseOrder.Create(supplier, location, lines, command.Actor, now);
        if (created.IsFailure)
            return Result<PurchaseOrderView>.Failure(created.Errors);
        inventory.Add(created.Value);
        return PurchaseOrderView.From(created.Value);
    }
}

internal sealed class CreatePurchaseOrderValidator : AbstractValidator<CreatePurchaseOrder>
{
    public CreatePurchaseOrderValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Supplier).Satisfies(v => SupplierCode.Create(v));
        RuleFor(c => c.Location).IsLocation();
        RuleFor(c => c.Lines).AreDocumentLines(l => l.Sku);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).IsSku();
            line.RuleFor(l => l.Quantity).IsQuantity();
        });
    }
}
