using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ShipTransfer;

/// <summary>
/// Creates a transfer and ships it: Available at the source leaves, InTransit at the destination arrives, in one transaction.
/// <see cref="ExpectedOn"/> is the expected arrival, when known (the ship date or later).
/// </summary>
public sealed record ShipTransfer(Actor Actor, string FromLocation, string ToLocation, IReadOnlyList<TransferLineInput> Lines, DateOnly? ExpectedOn = null)
    : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<Transfer>();
}

public sealed record TransferLineInput(string Sku, int Quantity);

internal sealed class ShipTransferHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<ShipTransfer> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<ShipTransfer, TransferView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<TransferView>> DecideAsync(ShipTransfer command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, to) = (LocationCode.Of(command.FromLocation), LocationCode.Of(command.ToLocation));
        var lines = command.Lines.Select(l => new TransferLineDraft(SkuCode.Of(l.Sku), Quantity.Of(l.Quantity))).ToList();
        var known = await catalog.CheckKnownAsync([.. lines.Select((l, i) => (l.Sku, $"lines[{i}].sku"))],
            [(from, "fromLocation"), (to, "toLocation")], cancellationToken);
        if (known.IsFailure)
            return Result<TransferView>.Failure(known.Errors);
        var skus = lines.Select(l => l.Sku).ToList();
        var sources = await inventory.GetBalancesAsync(from, skus, cancellationToken);
        var destinations = from == to ? sources : await inventory.GetBalancesAsync(to, skus, cancellationToken);
        var shipped = Transfer.Ship(from, to, lines, sources, destinations, command.Actor, now, command.ExpectedOn);
        if (shipped.IsFailure)
            return Result<TransferView>.Failure(shipped.Errors);
        inventory.Add(shipped.Value);
        return TransferView.From(shipped.Value);
    }
}

internal sealed class ShipTransferValidator : AbstractValidator<ShipTransfer>
{
    public ShipTransferValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.FromLocation).IsLocation();
        RuleFor(c => c.ToLocation).IsLocation();
        RuleFor(c => c.Lines).AreDocumentLines(l => l.Sku);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).IsSku();
            line.RuleFor(l => l.Quantity).IsQuantity();
        });
    }
}
