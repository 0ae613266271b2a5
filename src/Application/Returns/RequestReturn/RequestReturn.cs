using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using FluentValidation;

namespace EcomErp.Application.Returns.RequestReturn;

/// <summary>
/// Asks for units of a shipped order back, under the order channel's return policy in force; a line may ask for an exchange
/// (a replacement SKU and quantity), which authorisation turns into a linked replacement order. The return takes the next
/// RMA number; below the channel's auto-authorise value it is authorised at once.
/// </summary>
public sealed record RequestReturn(Actor Actor, Guid OrderId, IReadOnlyList<ReturnLineDraft> Lines) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<Return>();
}

internal sealed class RequestReturnHandler(
    IOrderRepository orders, IReturnRepository returns, ICatalog catalog, IPolicyReader policies, IDocumentNumbers numbers, IUnitOfWork unitOfWork,
    IValidator<RequestReturn> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<RequestReturn, ReturnCommandResult>
{
    public async Task<Result<ReturnCommandResult>> HandleAsync(RequestReturn command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ReturnCommandResult>.Failure(valid.Errors);
        return await retry.RunAsync(ct => AttemptAsync(command, ct), cancellationToken);
    }

    private async Task<Result<ReturnCommandResult>> AttemptAsync(RequestReturn command, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(new OrderId(command.OrderId), cancellationToken);
        // An order outside the caller's channels does not exist for them.
        if (order is null || !command.Actor.MayAccessChannel(order.Channel.Value))
            return OrderErrors.NotFound(new OrderId(command.OrderId)).WithField("orderId");
        var now = clock.GetUtcNow();
        var policy = await policies.ForAsync(order.Channel, order.Currency, cancellationToken);
        // Claims the order's next return with the count: a concurrent request for the same order makes one of the saves a
        // conflict, and the retry counts again and refuses what no longer fits (decision 038).
        var onOtherReturns = await returns.UnitsOnLiveReturnsForNewReturnAsync(order.Id.Value, cancellationToken);
        var skus = await SkusOfExchangesAsync(command, order, cancellationToken);
        // The number is taken in this unit of work: a refused request saves nothing and so takes none.
        var rma = await numbers.NextAsync(DocumentSeries.ReturnAuthorization, now, cancellationToken);
        var requested = Return.Request(order, rma, command.Lines, policy, onOtherReturns, skus.GetValueOrDefault, command.Actor, now);
        if (requested.IsFailure)
            return Result<ReturnCommandResult>.Failure(requested.Errors);
        returns.Add(requested.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ReturnCommandResult>.Failure(saved.Errors) : ReturnCommandResult.Of(requested.Value);
    }

    /// <summary>
    /// The replacements the request names and, when it names any, the SKUs they are compared with (what the order's lines ordered
    /// and shipped as), in one read; none without an exchange.
    /// </summary>
    private async Task<IReadOnlyDictionary<SkuCode, Sku>> SkusOfExchangesAsync(RequestReturn command, Order order, CancellationToken cancellationToken)
    {
        var replacements = command.Lines.Select(l => SkuCode.Create(l.ExchangeSku)).Where(s => s.IsSuccess).Select(s => s.Value).ToList();
        if (replacements.Count == 0)
            return new Dictionary<SkuCode, Sku>();
        var comparedWith = order.Lines.Select(l => l.Sku).Concat(order.Shipments.SelectMany(s => s.Lines).Select(l => l.Sku));
        return await catalog.FindSkusAsync([.. replacements.Concat(comparedWith).Distinct()], cancellationToken);
    }
}

internal sealed class RequestReturnValidator : AbstractValidator<RequestReturn>
{
    public RequestReturnValidator()
    {
        RuleFor(c => c.Actor).NotNull().WithErrorCode(CommonErrors.NotPermitted).WithMessage("An actor is required.");
        RuleFor(c => c.OrderId).NotEmpty().WithErrorCode(OrderErrors.NotFoundCode).WithMessage("An order id is required.");
        RuleFor(c => c.Lines).NotNull().WithErrorCode(ReturnErrors.LinesInvalidCode).WithMessage("A return names its lines.");
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(ReturnErrors.LinesInvalidCode).WithMessage("A return line is required.");
    }
}
