using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.PreviewReturnRefund;

/// <summary>What refunding the return now would pay, computed by the aggregate's own <see cref="Return.PreviewRefund"/>, so a screen shows the refund the command will make.</summary>
public sealed record PreviewReturnRefund(Guid ReturnId, Actor Actor);

/// <summary>The refund's lines (units at the order's prices), the fees kept back and the total, in the order's currency.</summary>
public sealed record ReturnRefundPreview(IReadOnlyList<RefundedReturnLine> Lines, long RestockingFeeMinor, long ReturnShippingFeeMinor, long TotalMinor, string Currency)
{
    public long LinesMinor => Lines.Sum(l => l.AmountMinor);
}

internal sealed class PreviewReturnRefundHandler(IReturnRepository returns, TimeProvider clock) : IQueryHandler<PreviewReturnRefund, ReturnRefundPreview>
{
    public async Task<Result<ReturnRefundPreview>> HandleAsync(PreviewReturnRefund query, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(query.ReturnId, cancellationToken);
        if (returned is null || !query.Actor.MayAccessChannel(returned.Channel.Value))
            return ReturnErrors.NotFound(query.ReturnId);
        // No number is taken for a preview: the credit note's number comes with the refund itself.
        var refund = returned.PreviewRefund("", query.Actor, clock.GetUtcNow());
        return new ReturnRefundPreview(refund.Lines, refund.RestockingFeeMinor, refund.ReturnShippingFeeMinor, refund.TotalMinor, refund.Currency);
    }
}
