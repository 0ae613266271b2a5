using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.Exchanges;

/// <summary>
/// An authorised return that asks for an exchange gets its replacement order: captured on the same channel through
/// <see cref="CaptureOrder"/> by the system, with the external id <c>&lt;RMA&gt;-EXCHANGE</c> (so a replayed authorisation
/// finds the same order), the original order's customer and ship-to, and no charge (the returned units paid for it); then
/// linked to the return. The order is validated and allocated like any other. A return cancelled or rejected before its
/// authorisation is handled here gets no replacement, and one cancelled while its replacement was being captured has that
/// order cancelled again (<see cref="Steps.CancelReturnHandler"/> cancels a linked one itself).
/// </summary>
internal sealed class ReturnExchanges(
    IReturnRepository returns, IOrderRepository orders, ICommandHandler<CaptureOrder, CapturedOrder> capture, OrderAllocation allocation, IUnitOfWork unitOfWork,
    TimeProvider clock, ConcurrencyRetry retry)
    : IDomainEventHandler<ReturnAuthorized>
{
    public async Task HandleAsync(ReturnAuthorized domainEvent, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(domainEvent.ReturnId, cancellationToken);
        if (returned is not { AsksForExchange: true } || returned.ReplacementOrderId is not null || !ReturnWorkflow.IsLive(returned.Status))
            return;
        var original = await orders.GetAsync(new OrderId(returned.OrderId), cancellationToken)
            ?? throw new InvalidOperationException($"Return {returned.RmaNumber} names order {returned.OrderId}, which is not stored.");
        var free = new CaptureOrderPrice(0m, returned.Currency.Code);
        var captured = await capture.HandleAsync(new CaptureOrder(
            Actor.System, returned.Channel.Value, $"{returned.RmaNumber}-EXCHANGE", original.ServiceLevel,
            new CaptureOrderCustomer(original.Customer.Email, original.Customer.Name),
            new CaptureOrderAddress(original.ShipTo.Name, original.ShipTo.Line1, original.ShipTo.Line2, original.ShipTo.City, original.ShipTo.PostalCode, original.ShipTo.Country),
            [.. returned.Lines.Where(l => l.ExchangeSku is not null).GroupBy(l => l.ExchangeSku!.Value)
                .Select(g => new CaptureOrderLine(g.Key.Value, g.Sum(l => l.ExchangeQuantity), free))],
            original.Priority), cancellationToken);
        if (captured.IsFailure)
            throw new InvalidOperationException($"The replacement order of return {returned.RmaNumber} was not captured: {captured.Error}");

        var linked = await retry.RunAsync(async ct =>
        {
            var fresh = await returns.GetAsync(domainEvent.ReturnId, ct);
            var now = clock.GetUtcNow();
            var done = ReturnWorkflow.IsLive(fresh!.Status)
                ? fresh.LinkReplacement(captured.Value.OrderId, Actor.System, now)
                : await WithdrawAsync(captured.Value.OrderId, fresh, now, ct);
            if (done.IsFailure)
                return Result<bool>.Failure(done.Errors);
            var saved = await unitOfWork.SaveChangesAsync(ct);
            return saved.IsFailure ? Result<bool>.Failure(saved.Errors) : true;
        }, cancellationToken);
        if (linked.IsFailure)
            throw new InvalidOperationException($"The replacement order of return {returned.RmaNumber} was not linked: {linked.Error}");
    }

    /// <summary>What the replacement order's timeline says when its return is cancelled before it shipped.</summary>
    public static string ReplacementCancelledReason(Return returned) => $"Its exchange return {returned.RmaNumber} was cancelled.";

    /// <summary>The return was cancelled while its replacement was captured: the replacement is cancelled too (once).</summary>
    private async Task<Result> WithdrawAsync(Guid replacementId, Return returned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replacement = await orders.GetAsync(new OrderId(replacementId), cancellationToken)
            ?? throw new InvalidOperationException($"The replacement order {replacementId} of return {returned.RmaNumber} is not stored.");
        return replacement.Status == OrderStatus.Cancelled
            ? Result.Success()
            : await allocation.CancelAsync(replacement, ReplacementCancelledReason(returned), Actor.System, now, cancellationToken);
    }
}
