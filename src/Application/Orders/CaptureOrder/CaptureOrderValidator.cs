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
        RuleFor(c => c.Lines).NotEmpty().WithErrorCode(OrderErrors.NoLinesCode).WithMessage("An order needs at least one line.")
            .Must(lines => lines is null || lines.Count <= OrderErrors.MaxLines).WithErrorCode(OrderErrors.TooManyLinesCode)
            .WithMessage($"An order has at most {OrderErrors.MaxLines} lines.")
            .Must(lines => lines is null || lines.Where(l => l is not null).GroupBy(l => l.Sku?.Trim().ToUpperInvariant()).All(g => g.Count() == 1))
            .WithErrorCode(OrderErrors.DuplicateLineCode).WithMessage("A SKU appears on more than one line; add the quantities.");
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).Satisfies(v => SkuCode.Create(v));
            line.RuleFor(l => l.Quantity).Satisfies(v => Quantity.Create(v));
            line.RuleFor(l => l.UnitPrice).NotNull().WithErrorCode(OrderErrors.UnitPriceInvalidCode).WithMessage("A unit price is required.");
            line.RuleFor(l => l.UnitPrice.Amount).GreaterThanOrEqualTo(0m).WithErrorCode(OrderErrors.UnitPriceInvalidCode)
                .WithMessage("A unit price cannot be negative.").When(l => l.UnitPrice is not null);
            line.RuleFor(l => l.UnitPrice.CurrencyCode).Satisfies(v => Currency.Create(v)).When(l => l.UnitPrice is not null);
        });
        // The order has one currency, the first line's: a line in another one is refused where its currency is written,
        // and a price's precision is checked against its own currency.
        RuleForEach(c => c.Lines).Custom((line, context) =>
        {
            if (line?.UnitPrice is not { } price || Currency.Create(price.CurrencyCode) is not { IsSuccess: true } currency || price.Amount < 0m)
                return;
            var first = context.InstanceToValidate.Lines[0]?.UnitPrice;
            if (first is not null && Currency.Create(first.CurrencyCode) is { IsSuccess: true } orderCurrency && orderCurrency.Value != currency.Value)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"{context.PropertyPath}.unitPrice.currencyCode",
                    $"Every line of an order is in one currency: line 1 is in {orderCurrency.Value}, this one in {currency.Value}.")
                {
                    ErrorCode = OrderErrors.LineCurrencyMismatchCode,
                });
                return;
            }
            foreach (var error in Money.FromAmount(price.Amount, currency.Value).Errors)
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"{context.PropertyPath}.unitPrice.amount", error.Message) { ErrorCode = error.Code });
        });
    }
}
