using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.ExchangeNotReturnedCases;

/// <summary>
/// The exchanges paid for with units that never came back, as cases (decision 093): when units closed as missing leave an exchange's
/// line with fewer units to arrive than it replaced (<see cref="ReturnLine.UnreturnedExchangeQuantity"/>), the customer holds
/// replacements nobody paid for, and an EXCHANGE_NOT_RETURNED case in Finance's queue says so, worth those units at the order's
/// prices, naming the replacement order and where it stands. Raised by whoever closed the units, so four eyes keeps them from deciding
/// it. One case per return, keyed by it (<see cref="ExceptionCaseId.ForUnreturnedExchange"/>): a replay finds it, and two deliveries
/// race on the key. The decision is the case's record: the value recovered or the replacement stopped (approved), or written off
/// (rejected).
/// </summary>
internal sealed partial class ExchangeNotReturnedCases(
    IExceptionCaseRepository cases,
    IReturnRepository returns,
    IOrderRepository orders,
    IExceptionSlaPolicies policies,
    IUnitOfWork unitOfWork,
    ConcurrencyRetry retry,
    ILogger<ExchangeNotReturnedCases> logger)
    : IDomainEventHandler<ReturnUnitsMissing>
{
    public async Task HandleAsync(ReturnUnitsMissing missing, CancellationToken cancellationToken)
    {
        var outcome = await retry.RunAsync(ct => RaiseAsync(missing, ct), cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException(
                $"The unreturned-exchange case of return {missing.RmaNumber} could not be saved ({outcome.Error}); the outbox dispatcher will retry.");
        if (outcome.Value is { } raised)
            LogRaised(logger, raised.Id.Value, missing.RmaNumber, raised.Queue, raised.DueAt);
    }

    /// <summary>The case raised, or null when the return has one already or every exchanged unit can still come back.</summary>
    private async Task<Result<ExceptionCase?>> RaiseAsync(ReturnUnitsMissing missing, CancellationToken cancellationToken)
    {
        var id = ExceptionCaseId.ForUnreturnedExchange(missing.ReturnId);
        if (await cases.GetAsync(id, cancellationToken) is not null)
            return Result<ExceptionCase?>.Success(null);
        var returned = await returns.GetAsync(missing.ReturnId, cancellationToken)
            ?? throw new InvalidOperationException($"Return {missing.RmaNumber} closed units as missing but is not stored.");
        var unreturned = returned.Lines.Where(l => l.UnreturnedExchangeQuantity > 0).ToList();
        if (unreturned.Count == 0)
            return Result<ExceptionCase?>.Success(null);
        var units = unreturned.Sum(l => l.UnreturnedExchangeQuantity);
        var value = new Money(unreturned.Sum(l => checked(l.UnitPriceMinor * l.UnreturnedExchangeQuantity)), returned.Currency);
        var replacement = returned.ReplacementOrderId is { } replacementId ? await orders.GetAsync(new OrderId(replacementId), cancellationToken) : null;
        var sent = replacement is null
            ? "no replacement order is linked yet"
            : $"its replacement order {replacement.ExternalOrderId} is {replacement.Status}";
        var lines = string.Join(", ", unreturned.Select(l => $"line {l.OrderLineNumber}: {l.UnreturnedExchangeQuantity} x {l.Sku} for {l.ExchangeSku}"));
        var reason = $"Return {returned.RmaNumber}: {units} exchanged unit(s) worth {value} at the order's prices were closed as missing ({lines}); "
            + $"{sent}. Approve once the value is recovered from the customer or the replacement stopped; reject to write it off.";
        var raised = ExceptionCase.Raise(ExceptionType.ExchangeNotReturned, ExceptionSubject.Return(returned.Id), null, returned.Channel.Value, reason,
            missing.ActorId, await policies.ForAsync(ExceptionType.ExchangeNotReturned, cancellationToken), new PriorityInputs(value), missing.OccurredAt, id);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ExceptionCase?>.Failure(saved.Errors) : raised;
    }

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Exception case {CaseId} (ExchangeNotReturned) raised in the {Queue} queue for return {RmaNumber}, due {DueAt}")]
    private static partial void LogRaised(ILogger logger, Guid caseId, string rmaNumber, string queue, DateTimeOffset dueAt);
}
