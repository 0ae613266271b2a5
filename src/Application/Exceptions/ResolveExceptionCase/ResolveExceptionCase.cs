using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Policies;
using EcomErp.Application.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using FluentValidation;

namespace EcomErp.Application.Exceptions.ResolveExceptionCase;

/// <summary>
/// Decides a case, acting on its subject. For an order: <see cref="ExceptionResolution.Approved"/> releases the order hold
/// behind it (the workflow then moves on by itself; an approved carrier-capacity case releases the order over capacity as
/// well); <see cref="ExceptionResolution.Rejected"/> cancels the order with the note as the reason (never for carrier
/// capacity). For a stock adjustment: approved applies it (the stock moves), rejected refuses it with the note (no stock
/// moves). An address case may be approved with <see cref="CorrectedAddress"/>: the order's ship-to is amended by the
/// decider (an amendment, on the order's timeline) and validated again; only an address that now passes is taken, which
/// releases the hold so the order moves on by itself, and one that still fails is refused with its findings, changing nothing
/// (decision 030). The queue's role or Admin decides, never whoever raised the case, placed its hold or requested its adjustment.
/// A policy approval case decides the pending policy change behind it: approved, it takes effect now; rejected, it is
/// discarded (decision 028). A return approval case decides its return: approved, the decider authorises it; rejected, the
/// decider rejects it with the note (the return's own guard and four-eyes rule apply; decision 044). An unreturned-exchange case
/// records the decision only: approved, the value was recovered or the replacement stopped; rejected, it is written off (decision 093).
/// </summary>
public sealed record ResolveExceptionCase(
    Guid CaseId, Actor Actor, ExceptionResolution Resolution, string Note, int? ExpectedVersion = null, CaptureOrderAddress? CorrectedAddress = null)
    : ExceptionCaseCommand(CaseId, Actor, ExpectedVersion)
{
    public const string CorrectedAddressField = "correctedAddress";
}

internal sealed class ResolveExceptionCaseHandler(
    IExceptionCaseRepository cases, IOrderRepository orders, IInventoryRepository inventory, IUnitOfWork unitOfWork,
    IValidator<ExceptionCaseCommand> validator, TimeProvider clock, ConcurrencyRetry retry, OrderAllocation allocation,
    CarrierBookings carrierBookings, PolicyChangeDecisions policyChanges, IReturnRepository returns, FourEyes fourEyes)
    : ExceptionCaseCommandHandler<ResolveExceptionCase>(cases, orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<CaseEffect>> ApplyAsync(ExceptionCase exceptionCase, ResolveExceptionCase command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The case's refusals come first and change nothing; only then is the subject touched, and the case closed last.
        if (await CheckDecisionAsync(exceptionCase, ExceptionCaseStep.Resolve, command.Actor, fourEyes, cancellationToken) is { } refused)
            return refused;
        if (exceptionCase.CheckResolution(command.Resolution) is { } invalid)
            return invalid;
        var note = ExceptionCaseErrors.CheckNote(command.Note);
        if (note.IsFailure)
            return note.Error;

        var approve = command.Resolution == ExceptionResolution.Approved;
        if (command.CorrectedAddress is { } corrected && (exceptionCase.Type != ExceptionType.AddressValidation || !approve))
            return ExceptionCaseErrors.CorrectionNotAccepted(exceptionCase, command.Resolution);
        var acted = exceptionCase.Subject.Kind switch
        {
            ExceptionSubjectKind.Policy => Acted(await policyChanges.DecideAsync(exceptionCase, approve, note.Value, command.Actor, now, cancellationToken))
                .Map(_ => CaseEffect.None),
            ExceptionSubjectKind.Return when exceptionCase.Type == ExceptionType.ReturnApproval =>
                Acted(await DecideReturnAsync(exceptionCase, approve, note.Value, command.Actor, now, cancellationToken)).Map(_ => CaseEffect.None),
            // A flag about a SKU or a customer, a parked event (retried or skipped on its own page), or a return's exchange not returned
            // (its value recovered or written off outside, decision 093): the decision is the case's record.
            ExceptionSubjectKind.Sku or ExceptionSubjectKind.Customer or ExceptionSubjectKind.OutboxEvent or ExceptionSubjectKind.Return =>
                Result<CaseEffect>.Success(CaseEffect.None),
            ExceptionSubjectKind.StockAdjustment => (await inventory.DecideAdjustmentAsync(exceptionCase.Subject.Id, approve, note.Value, command.Actor, now,
                fourEyes, cancellationToken)).Map(adjustment => new CaseEffect(Adjustment: adjustment)),
            _ when command.CorrectedAddress is { } address =>
                (await AmendShipToAsync(exceptionCase, address, command.Actor, now, cancellationToken)).Map(order => new CaseEffect(order)),
            _ => (!approve
                ? await CancelOrderAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken)
                : exceptionCase.Type == ExceptionType.CarrierCapacity
                    ? await ReleaseOverCapacityAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken)
                    : await ReleaseHoldAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken)).Map(order => new CaseEffect(order)),
        };
        if (acted.IsFailure)
            return acted;
        var resolved = exceptionCase.Resolve(command.Resolution, note.Value, command.Actor, now);
        return resolved.IsFailure ? Result<CaseEffect>.Failure(resolved.Errors) : acted;
    }

    /// <summary>
    /// Authorises or rejects the return behind the case as the decider, through the return's own guard (its owner roles, the
    /// state it must be in, and the four-eyes rule against its requester), in the case's save.
    /// </summary>
    private async Task<Result> DecideReturnAsync(ExceptionCase exceptionCase, bool approve, string note, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(exceptionCase.Subject.Id, cancellationToken);
        if (returned is null)
            return ReturnErrors.NotFound(exceptionCase.Subject.Id);
        if (approve && await ReturnFourEyes.CheckAsync(returned, ReturnStep.Authorize, actor, fourEyes, cancellationToken) is { } refused)
            return refused;
        return approve ? returned.Authorize(actor, now) : returned.Reject(note, actor, now);
    }

    /// <summary>
    /// Amends the order's ship-to as the decider, through the order's own amendment guard, when the corrected address passes
    /// address validation for the order's service level; the amendment releases the address hold behind the case. An address
    /// that still fails is refused with its findings (on <c>correctedAddress</c>) before the order is touched.
    /// </summary>
    private async Task<Result<Order?>> AmendShipToAsync(ExceptionCase exceptionCase, CaptureOrderAddress corrected, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var address = corrected.ToAddress(ResolveExceptionCase.CorrectedAddressField);
        if (address.IsFailure)
            return Result<Order?>.Failure(address.Errors);
        var order = await SubjectOrderAsync(exceptionCase, cancellationToken);
        if (order.IsFailure || order.Value is null)
            return order;
        var findings = AddressRules.Check(address.Value, order.Value.ServiceLevel);
        if (findings.Count > 0)
            return Result<Order?>.Failure([.. findings.Select(f => new Error(f.Code, $"The corrected address still fails validation: {f.Message}",
                ResolveExceptionCase.CorrectedAddressField))]);
        var amended = order.Value.AmendShipTo(address.Value, actor, now);
        if (amended.IsFailure)
            return Result<Order?>.Failure(amended.Errors);
        // The amendment released the hold (its cause is gone); a hold still open would leave the case resolved over a held order.
        return order.Value.OpenHolds.Any(h => h.Id == exceptionCase.HoldId)
            ? throw new InvalidOperationException($"Amending order {order.Value.Id} to a passing address left hold {exceptionCase.HoldId} open.")
            : order;
    }

    /// <summary>
    /// An approved carrier-capacity case releases its hold and then the order itself, over capacity, in the same save: waiting for
    /// the automation would leave the order allocated, and the approval is the decision to release it (decision 027).
    /// </summary>
    private async Task<Result<Order?>> ReleaseOverCapacityAsync(ExceptionCase exceptionCase, string note, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await ReleaseHoldAsync(exceptionCase, note, actor, now, cancellationToken);
        if (order.IsFailure || order.Value is null)
            return order;
        var released = await carrierBookings.ReleaseOverCapacityAsync(order.Value, $"approved by {actor.Name} ({actor.Id}) in exception case {exceptionCase.Id}: {note}",
            now, cancellationToken);
        return released.IsFailure ? Result<Order?>.Failure(released.Errors) : order;
    }

    /// <summary>
    /// The queue's decision carries the authority to cancel, whatever the decider's own roles (Finance does not cancel orders
    /// otherwise), so the order is cancelled by the system, with a reason naming the case and the person (decision 025).
    /// </summary>
    private async Task<Result<Order?>> CancelOrderAsync(ExceptionCase exceptionCase, string note, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await SubjectOrderAsync(exceptionCase, cancellationToken);
        if (order.IsFailure || order.Value is null)
            return order;
        var reason = $"Rejected by {actor.Name} ({actor.Id}) in exception case {exceptionCase.Id}: {note}";
        var cancelled = await allocation.CancelAsync(order.Value, reason.Length > OrderErrors.ReasonMaxLength ? reason[..OrderErrors.ReasonMaxLength] : reason,
            Actor.System, now, cancellationToken);
        return cancelled.IsFailure ? Result<Order?>.Failure(cancelled.Errors) : order;
    }
}
