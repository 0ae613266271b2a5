using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.SetTransferEta;

/// <summary>
/// Sets or moves the expected arrival of a transfer still in transit; it cannot be before the day it shipped.
/// <see cref="ExpectedVersion"/>, when given, is the version the editor saw: an arrival moved since then by someone else is a
/// conflict, not silently overwritten.
/// </summary>
public sealed record SetTransferEta(Actor Actor, Guid TransferId, DateOnly ExpectedOn, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Transfer>(TransferId);
}

internal sealed class SetTransferEtaHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<SetTransferEta> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<SetTransferEta, TransferView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<TransferView>> DecideAsync(SetTransferEta command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetTransferAsync(new TransferId(command.TransferId), cancellationToken) is not { } transfer)
            return InventoryErrors.TransferNotFound(command.TransferId);
        if (command.ExpectedVersion is { } version && version != transfer.Version)
            return CommonErrors.StaleVersion($"Transfer {transfer.Id}", transfer.Version, version);
        var expected = transfer.ExpectArrival(command.ExpectedOn, command.Actor, now);
        return expected.IsSuccess ? TransferView.From(transfer) : Result<TransferView>.Failure(expected.Errors);
    }

    protected override bool NamesItsVersion(SetTransferEta command) => command.ExpectedVersion is not null;
}

internal sealed class SetTransferEtaValidator : AbstractValidator<SetTransferEta>
{
    public SetTransferEtaValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.TransferId).NotEmpty().WithErrorCode(InventoryErrors.TransferNotFoundCode).WithMessage("A transfer id is required.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
