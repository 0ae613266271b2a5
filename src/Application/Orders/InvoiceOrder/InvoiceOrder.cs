using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.InvoiceOrder;

/// <summary>Invoices a shipped order under the next gap-free invoice number. Runs automatically after shipment.</summary>
public sealed record InvoiceOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class InvoiceOrderHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry, IDocumentNumbers numbers)
    : OrderCommandHandler<InvoiceOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Order order, InvoiceOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Ask the aggregate's guard before taking a number: a refused invoice must not consume one.
        if (order.CheckCan(OrderStep.Invoice, command.Actor) is { } refused)
            return refused;
        var number = await numbers.NextAsync(DocumentSeries.Invoice, now, cancellationToken);
        return order.Invoice(number, command.Actor, now);
    }
}
