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
/// replacement was linked gets none: a replacement captured for it anyway (while it was cancelled, or by an attempt that
/// stopped before its link) is cancelled. <see cref="Steps.CancelReturnHandler"/> cancels a linked one itself.
/// </summary>
internal sealed class ReturnExchanges(
    IReturnRepository returns, IOrderRepository orders, ICommandHandler<CaptureOrder, CapturedOrder> capture, OrderAllocation allocation, IUnitOfWork unitOfWork,
    TimeProvider clock, ConcurrencyRetry retry)
    : IDomainEventHandler<ReturnAuthorized>
{
    public async Task HandleAsync(ReturnAuthorized domainEvent, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(domainEvent.ReturnId, cancellationToken);
        if (returned is not { AsksForExchange: true } || returned.ReplacementOrderId is not null)
            return;
        if (!ReturnWorkflow.IsLive(returned.Status))
        {
            // Cancelled or rejected before its replacement was linked: none goes out, and one an earlier attempt captured but
            // did not link (the process stopped in between) is cancelled.
            await SettleAsync(returned, async (fresh, now, ct) =>
                await orders.FindByExternalIdAsync(fresh.Channel, ExternalIdOf(fresh), ct) is { } captured
                    ? await WithdrawAsync(captured, fresh, now, ct)
                    : Result.Success(), cancellationToken);
            return;
        }
        var original = await orders.GetAsync(new OrderId(returned.OrderId), cancellationToken)
            ?? throw new InvalidOperationException($"Return {returned.RmaNumber} names order {returned.OrderId}, which is not stored.");
        var free = new CaptureOrderPrice(0m, returned.Currency.Code);
        var replacement = await capture.HandleAsync(new CaptureOrder(
            Actor.System, returned.Channel.Value, ExternalIdOf(returned), original.ServiceLevel,
            new CaptureOrderCustomer(original.Customer.Email, original.Customer.Name),
            new CaptureOrderAddress(original.ShipTo.Name, original.ShipTo.Line1, original.ShipTo.Line2, original.ShipTo.City, original.ShipTo.PostalCode, original.ShipTo.Country),
            [.. returned.Lines.Where(l => l.ExchangeSku is not null).GroupBy(l => l.ExchangeSku!.Value)
                .Select(g => new CaptureOrderLine(g.Key.Value, g.Sum(l => l.ExchangeQuantity), free))],
            original.Priority), cancellationToken);
        if (replacement.IsFailure)
            throw new InvalidOperationException($"The replacement order of return {returned.RmaNumber} was not captured: {replacement.Error}");

        // Linked while the return is live; cancelled (meanwhile) while the replacement was captured, the replacement is withdrawn.
        await SettleAsync(returned, async (fresh, now, ct) => ReturnWorkflow.IsLive(fresh.Status)
            ? fresh.LinkReplacement(replacement.Value.OrderId, Actor.System, now)
            : await WithdrawAsync(await orders.GetAsync(new OrderId(replacement.Value.OrderId), ct)
                ?? throw new InvalidOperationException($"The replacement order of return {fresh.RmaNumber} is not stored."), fresh, now, ct),
            cancellationToken);
    }

    /// <summary>The replacement's external id: one per return, so a replayed authorisation finds the same order.</summary>
    private static string ExternalIdOf(Return returned) => $"{returned.RmaNumber}-EXCHANGE";

    /// <summary>Decides on the return as it is now and saves, again on a lost race; a refusal stops the event (it is retried, then parked).</summary>
    private async Task SettleAsync(Return returned, Func<Return, DateTimeOffset, CancellationToken, Task<Result>> decide, CancellationToken cancellationToken)
    {
        var settled = await retry.RunAsync(async ct =>
        {
            var fresh = await returns.GetAsync(returned.Id, ct)
                ?? throw new InvalidOperationException($"Return {returned.RmaNumber} is not stored.");
            var done = await decide(fresh, clock.GetUtcNow(), ct);
            if (done.IsFailure)
                return Result<bool>.Failure(done.Errors);
            var saved = await unitOfWork.SaveChangesAsync(ct);
            return saved.IsFailure ? Result<bool>.Failure(saved.Errors) : true;
        }, cancellationToken);
        if (settled.IsFailure)
            throw new InvalidOperationException($"The replacement order of return {returned.RmaNumber} was not settled: {settled.Error}");
    }

    private Task<Result> WithdrawAsync(Order replacement, Return returned, DateTimeOffset now, CancellationToken cancellationToken) =>
        WithdrawAsync(allocation, replacement, returned, Actor.System, now, cancellationToken);

    /// <summary>
    /// Cancels the replacement order of a cancelled exchange return, its reservations given back (once: one cancelled already stays
    /// as it is). One that has shipped is not cancelled: the customer holds it (RETURN_REPLACEMENT_SHIPPED).
    /// </summary>
    internal static async Task<Result> WithdrawAsync(OrderAllocation allocation, Order replacement, Return returned, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        replacement.Status == OrderStatus.Cancelled ? Result.Success()
            : !OrderWorkflow.RuleOf(OrderStep.Cancel).From.Contains(replacement.Status) ? ReturnErrors.ReplacementShipped(replacement.ExternalOrderId, replacement.Status)
            : await allocation.CancelAsync(replacement, $"Its exchange return {returned.RmaNumber} was cancelled.", actor, now, cancellationToken);
}
