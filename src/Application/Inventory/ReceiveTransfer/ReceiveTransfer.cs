using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ReceiveTransfer;

/// <summary>
/// A transfer arrived: what came moves from InTransit to Available at the destination; the rest of each
/// line (a line not listed arrived with nothing) is written off as a discrepancy.
/// </summary>
public sealed record ReceiveTransfer(Actor Actor, Guid TransferId, IReadOnlyList<ArrivedLine> Lines) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Transfer>(TransferId);
}

/// <summary>Units of a SKU that arrived; zero is a line that arrived with nothing.</summary>
public sealed record ArrivedLine(string Sku, int Quantity);

internal sealed class ReceiveTransferHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ReceiveTransfer> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<ReceiveTransfer, TransferView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<TransferView>> DecideAsync(ReceiveTransfer command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetTransferAsync(new TransferId(command.TransferId), cancellationToken) is not { } transfer)
            return InventoryErrors.TransferNotFound(command.TransferId);
        var balances = await inventory.GetBalancesAsync(transfer.ToLocation, [.. transfer.Lines.Select(l => l.Sku)], cancellationToken);
        var receipt = command.Lines.Select(l => new ReceiptLine(SkuCode.Of(l.Sku), l.Quantity)).ToList();
        var received = transfer.Receive(receipt, balances, command.Actor, now);
        return received.IsSuccess ? TransferView.From(transfer) : Result<TransferView>.Failure(received.Errors);
    }
}

internal sealed class ReceiveTransferValidator : AbstractValidator<ReceiveTransfer>
{
    public ReceiveTransferValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.TransferId).NotEmpty().WithErrorCode(InventoryErrors.TransferNotFoundCode).WithMessage("A transfer id is required.");
        RuleFor(c => c.Lines).NotNull().WithErrorCode(InventoryErrors.NoLinesCode);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).IsSku();
            line.RuleFor(l => l.Quantity).InclusiveBetween(0, Quantity.Max).WithErrorCode(InventoryErrors.ReceiptQuantityInvalidCode)
                .WithMessage($"An arrived quantity is 0 to {Quantity.Max}.");
        });
    }
}
