using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Orders;
using EcomErp.Application.Returns.Exchanges;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using FluentValidation;

namespace EcomErp.Application.Returns.Steps;

/// <summary>A second person authorises a return at or above the channel's auto-authorise value (never its requester).</summary>
public sealed record AuthorizeReturn(Guid ReturnId, Actor Actor, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Refuses a requested return, with a reason.</summary>
public sealed record RejectReturn(Guid ReturnId, Actor Actor, string Reason, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>The carrier has the customer's parcel (optional before the receipt).</summary>
public sealed record MarkReturnInTransit(Guid ReturnId, Actor Actor, string? TrackingNumber = null, int? ExpectedVersion = null)
    : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Units that never arrived are closed as missing: not inspected, not refunded.</summary>
public sealed record CloseMissingReturnUnits(Guid ReturnId, Actor Actor, IReadOnlyList<ReturnLineQuantity> Lines, int? ExpectedVersion = null)
    : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Inspection grades received units, one grade per unit.</summary>
public sealed record InspectReturnLines(Guid ReturnId, Actor Actor, IReadOnlyList<ReturnLineGrades> Lines, int? ExpectedVersion = null)
    : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Finance closes a refunded return.</summary>
public sealed record CloseReturn(Guid ReturnId, Actor Actor, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

/// <summary>Withdraws a return before any unit arrived, with a reason.</summary>
public sealed record CancelReturn(Guid ReturnId, Actor Actor, string Reason, int? ExpectedVersion = null) : ReturnCommand(ReturnId, Actor, ExpectedVersion);

internal sealed class AuthorizeReturnHandler(
    IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry, FourEyes fourEyes)
    : ReturnCommandHandler<AuthorizeReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, AuthorizeReturn command, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReturnFourEyes.CheckAsync(returned, ReturnStep.Authorize, command.Actor, fourEyes, cancellationToken) is { } refused
            ? refused
            : returned.Authorize(command.Actor, now);
}

internal sealed class RejectReturnHandler(IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<RejectReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Return returned, RejectReturn command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(returned.Reject(command.Reason, command.Actor, now));
}

internal sealed class MarkReturnInTransitHandler(
    IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<MarkReturnInTransit>(returns, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Return returned, MarkReturnInTransit command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(returned.MarkInTransit(command.TrackingNumber, command.Actor, now));
}

internal sealed class CloseMissingReturnUnitsHandler(
    IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<CloseMissingReturnUnits>(returns, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Return returned, CloseMissingReturnUnits command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(returned.CloseMissingUnits(command.Lines ?? [], command.Actor, now));
}

internal sealed class InspectReturnLinesHandler(
    IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<InspectReturnLines>(returns, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Return returned, InspectReturnLines command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(returned.Inspect(command.Lines ?? [], command.Actor, now));
}

internal sealed class CloseReturnHandler(IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<CloseReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Return returned, CloseReturn command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(returned.Close(command.Actor, now));
}

/// <summary>
/// Cancels the return, and with it an exchange's replacement order that has not shipped, in one unit of work: a cancelled
/// return leaves no free order behind. Once the replacement has shipped the customer holds it, and the return is not
/// cancelled (RETURN_REPLACEMENT_SHIPPED): its units are still owed.
/// </summary>
internal sealed class CancelReturnHandler(
    IReturnRepository returns, IOrderRepository orders, OrderAllocation allocation, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator,
    TimeProvider clock, ConcurrencyRetry retry)
    : ReturnCommandHandler<CancelReturn>(returns, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Return returned, CancelReturn command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cancelled = returned.Cancel(command.Reason, command.Actor, now);
        if (cancelled.IsFailure || returned.ReplacementOrderId is not { } replacementId)
            return cancelled;
        var replacement = await orders.GetAsync(new OrderId(replacementId), cancellationToken)
            ?? throw new InvalidOperationException($"Return {returned.RmaNumber} names replacement order {replacementId}, which is not stored.");
        return await ReturnExchanges.WithdrawAsync(allocation, replacement, returned, command.Actor, now, cancellationToken);
    }
}
