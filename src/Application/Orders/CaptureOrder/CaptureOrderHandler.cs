using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.CaptureOrder;

internal sealed class CaptureOrderHandler(
    IOrderRepository orders, ICaptureCatalog catalog, IUnitOfWork unitOfWork, IValidator<CaptureOrder> validator, TimeProvider clock)
    : ICommandHandler<CaptureOrder, CapturedOrder>
{
    public async Task<Result<CapturedOrder>> HandleAsync(CaptureOrder command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<CapturedOrder>.Failure(valid.Errors);
        var draft = OrderDraftFactory.ToDraft(command);
        if (!command.Actor.MayAccessChannel(draft.Channel.Value))
            return new Error(OrderErrors.UnknownChannelCode, $"Channel {draft.Channel} does not exist.", "channel");

        var channel = await CheckMasterDataAsync(draft, cancellationToken);
        if (channel.IsFailure)
            return Result<CapturedOrder>.Failure(channel.Errors);

        // The order's own rules come before the idempotency check: a capture that breaks them is refused, resent or not.
        // The ship-by deadline is fixed now, from the channel's SLA in force at capture.
        var captured = Order.Capture(draft, TimeSpan.FromHours(channel.Value.Policy.ShipBySlaHours), command.Actor, clock.GetUtcNow());
        if (captured.IsFailure)
            return Result<CapturedOrder>.Failure(captured.Errors);

        // Saved first, looked up only when the channel's external id is taken (decision 063): a new order, nearly every
        // capture, costs no lookup; a resend, or a concurrent capture of the same id, is answered by the order stored first.
        // Added at the save, so the save need not scan for changes (decision 081).
        var saved = await unitOfWork.SaveNewAsync(captured.Value, cancellationToken);
        if (saved.IsSuccess)
            return CapturedOrder.Of(captured.Value, wasAlreadyCaptured: false);

        if (saved.Error.Code == PersistenceErrors.DuplicateKey
            && await orders.FindByExternalIdAsync(draft.Channel, draft.ExternalOrderId, cancellationToken) is { } winner)
            return AlreadyCaptured(winner, draft);
        return Result<CapturedOrder>.Failure(saved.Errors);
    }

    private static Result<CapturedOrder> AlreadyCaptured(Order existing, OrderDraft draft) =>
        existing.CaptureFingerprint == draft.CaptureFingerprint
            ? CapturedOrder.Of(existing, wasAlreadyCaptured: true)
            : OrderErrors.DuplicateCaptureConflict(draft.Channel, draft.ExternalOrderId);

    /// <summary>
    /// The order's channel when it and every SKU exist and the channel is active; else every problem found. Read through the
    /// reference-data cache (decision 055): validation checks the channel and SKUs against the store again.
    /// </summary>
    private async Task<Result<Channel>> CheckMasterDataAsync(OrderDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var channel = await catalog.FindChannelAsync(draft.Channel, cancellationToken);
        if (channel is null)
            errors.Add(new Error(OrderErrors.UnknownChannelCode, $"Channel {draft.Channel} does not exist.", "channel"));
        else if (!channel.IsActive)
            errors.Add(new Error(OrderErrors.ChannelInactiveCode, $"Channel {draft.Channel} is not active.", "channel"));

        var skus = await catalog.KnownSkusAsync([.. draft.Lines.Select(l => l.Sku)], cancellationToken);
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            if (!skus.Contains(draft.Lines[i].Sku))
                errors.Add(new Error(OrderErrors.UnknownSkuCode, $"SKU {draft.Lines[i].Sku} does not exist.", $"lines[{i}].sku"));
        }
        return errors.Count == 0 ? channel! : Result<Channel>.Failure(errors);
    }
}
