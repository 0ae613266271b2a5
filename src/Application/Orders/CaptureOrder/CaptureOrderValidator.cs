using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.CaptureOrder;

/// <summary>Checks the shape of a capture. Limits and codes come from the value objects themselves.</summary>
internal sealed class CaptureOrderValidator : AbstractValidator<CaptureOrder>
{
    public CaptureOrderValidator()
    {
        RuleFor(c => c.Actor).NotNull().WithErrorCode(CommonErrors.NotPermitted);
        RuleFor(c => c.Channel).Satisfies(v => ChannelCode.Create(v));
        RuleFor(c => c.ExternalOrderId).Satisfies(id => OrderErrors.CheckExternalId(id) is { } refused ? refused : Result.Success());
        RuleFor(c => c.ServiceLevel).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.Priority).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.Customer).NotNull().WithErrorCode(OrderErrors.CustomerInvalid)
            .Satisfies(c => c is null ? Result.Success() : CustomerInfo.Create(c.Email, c.Name));
        RuleFor(c => c.ShipTo).NotNull().WithErrorCode(OrderErrors.AddressMissing)
            .Satisfies(a => a is null ? Result.Success() : Address.Create(a.Name, a.Line1, a.Line2, a.City, a.PostalCode, a.Country));
        // The rules across lines (how many, one per SKU, one currency, no negative price) are the order's: Order.Capture
        // checks them once. Here each line only has to become value objects.
        RuleFor(c => c.Lines).NotNull().WithErrorCode(OrderErrors.NoLinesCode).WithMessage(OrderErrors.NoLines().Message);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).Satisfies(v => SkuCode.Create(v));
            line.RuleFor(l => l.Quantity).Satisfies(v => Quantity.Create(v));
            line.RuleFor(l => l.UnitPrice).NotNull().WithErrorCode(OrderErrors.UnitPriceInvalidCode).WithMessage("A unit price is required.");
            line.RuleFor(l => l.UnitPrice.CurrencyCode).Satisfies(v => Currency.Create(v)).When(l => l.UnitPrice is not null);
        });
        // A price's precision is checked against its own currency.
        RuleForEach(c => c.Lines).Custom((line, context) =>
        {
            if (line?.UnitPrice is not { } price || Currency.Create(price.CurrencyCode) is not { IsSuccess: true } currency)
                return;
            foreach (var error in Money.FromAmount(price.Amount, currency.Value).Errors)
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"{context.PropertyPath}.unitPrice.amount", error.Message) { ErrorCode = error.Code });
        });
    }
}
