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
        RuleFor(c => c.Currency).Satisfies(v => Currency.Create(v));
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
            line.RuleFor(l => l.UnitPrice).GreaterThanOrEqualTo(0m).WithErrorCode(OrderErrors.UnitPriceInvalidCode)
                .WithMessage("A unit price cannot be negative.");
        });
        // A price's precision depends on the order's currency, so this rule looks at the whole command.
        RuleForEach(c => c.Lines).Custom((line, context) =>
        {
            var currency = Currency.Create(context.InstanceToValidate.Currency);
            if (line is null || currency.IsFailure || line.UnitPrice < 0m)
                return;
            foreach (var error in Money.FromAmount(line.UnitPrice, currency.Value).Errors)
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"{context.PropertyPath}.unitPrice", error.Message) { ErrorCode = error.Code });
        });
    }
}
