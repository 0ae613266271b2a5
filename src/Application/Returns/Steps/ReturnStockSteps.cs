using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Returns;
using FluentValidation;

namespace EcomErp.Application.Returns.Steps;

/// <summary>
/// Units arrived at a location: they go from outside into ReturnsAwaitingInspection (RETURN_RECEIVED, reference RMA:&lt;number&gt;).
/// Idempotent by (return, <see cref="ReceiptId"/>): the same receipt again changes nothing; the same id with other content is refused.
/// </summary>
public sealed record ReceiveReturn(Guid ReturnId, Actor Actor, Guid ReceiptId, string Location, IReadOnlyList<ReturnLineQuantity> Lines, int? ExpectedVersion = null)
    : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Sends inspected units to their dispositions (restock, refurbish, scrap, return to vendor against an active <see cref="Supplier"/>).</summary>
public sealed record DispositionReturnLines(
    Guid ReturnId, Actor Actor, IReadOnlyList<ReturnLineDisposition> Lines, string? Supplier = null, int? ExpectedVersion = null)
    : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>A second person approves the write-off of scrapped units above the channel's threshold.</summary>
public sealed record ApproveReturnWriteOff(Guid ReturnId, Actor Actor, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Finance refunds a dispositioned return under the next credit note number; finance posts the credit note from <see cref="ReturnRefunded"/>.</summary>
public sealed record RefundReturn(Guid ReturnId, Actor Actor, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

internal sealed class ReceiveReturnHandler(
    IReturnRepository returns, IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock,
    ConcurrencyRetry retry)
    : ReturnCommandHandler<ReceiveReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, ReceiveReturn command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (command.ReceiptId == Guid.Empty)
            return new Error(CommonErrors.ValidationFailed, "A receipt id is required: it makes a repeated receipt harmless.", "receiptId");
        if (LocationCode.Create(command.Location) is not { IsSuccess: true } location)
            return new Error(CommonErrors.LocationCodeInvalid, $"'{command.Location}' is not a location code.", "location");
        var known = await catalog.FindLocationsAsync([location.Value], cancellationToken);
        if (!known.TryGetValue(location.Value, out var found) || !found.IsActive)
            return new Error(ReturnErrors.LocationMismatchCode, $"{location.Value} is not an active location.", "location");
        var balances = await inventory.GetBalancesAsync(location.Value, [.. returned.Lines.Select(l => l.Sku)], cancellationToken);
        var received = returned.Receive(command.ReceiptId, location.Value, command.Lines ?? [], balances, command.Actor, now);
        return received.IsFailure ? Result.Failure(received.Errors) : Result.Success();
    }
}

internal sealed class DispositionReturnLinesHandler(
    IReturnRepository returns, IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock,
    ConcurrencyRetry retry)
    : ReturnCommandHandler<DispositionReturnLines>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, DispositionReturnLines command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (returned.CheckCan(ReturnStep.Disposition, command.Actor) is { } refused)
            return refused;
        SupplierCode? supplier = null;
        if (!string.IsNullOrWhiteSpace(command.Supplier))
        {
            var code = SupplierCode.Create(command.Supplier);
            var found = code.IsSuccess ? await catalog.FindSupplierAsync(code.Value, cancellationToken) : null;
            if (found is not { IsActive: true })
                return new Error(ReturnErrors.SupplierInvalidCode, $"'{command.Supplier}' is not an active supplier.", "supplier");
            supplier = code.Value;
        }
        var balances = await inventory.GetBalancesAsync(returned.Location!.Value, [.. returned.Lines.Select(l => l.Sku)], cancellationToken);
        return returned.Disposition(command.Lines ?? [], supplier, balances, command.Actor, now);
    }
}

internal sealed class ApproveReturnWriteOffHandler(
    IReturnRepository returns, IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry,
    FourEyes fourEyes)
    : ReturnCommandHandler<ApproveReturnWriteOff>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, ApproveReturnWriteOff command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((returned.CheckCan(ReturnStep.ApproveWriteOff, command.Actor)
                ?? await ReturnFourEyes.CheckAsync(returned, ReturnStep.ApproveWriteOff, command.Actor, fourEyes, cancellationToken)) is { } refused)
            return refused;
        var balances = await inventory.GetBalancesAsync(returned.Location!.Value, [.. returned.Lines.Select(l => l.Sku)], cancellationToken);
        return returned.ApproveWriteOff(balances, command.Actor, now);
    }
}

internal sealed class RefundReturnHandler(
    IReturnRepository returns, IDocumentNumbers numbers, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<RefundReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, RefundReturn command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Ask the aggregate's guard before taking a number: a refused refund must not consume one.
        if (returned.CheckCan(ReturnStep.Refund, command.Actor) is { } refused)
            return refused;
        return returned.Refund(await numbers.NextAsync(DocumentSeries.CreditNote, now, cancellationToken), command.Actor, now);
    }
}
