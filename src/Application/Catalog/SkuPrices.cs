using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>Price and cost as people enter them (amounts in a currency) turned into the money a SKU keeps, one rule for forms, GraphQL and imports.</summary>
public static class SkuPrices
{
    public static Result<(Money Price, Money Cost)> Of(decimal price, decimal cost, string? currencyCode)
    {
        var currency = Currency.Create(currencyCode);
        if (currency.IsFailure)
            return Result<(Money, Money)>.Failure([.. currency.Errors.Select(e => e.WithField("currency"))]);
        var priceMoney = Money.FromAmount(price, currency.Value);
        if (priceMoney.IsFailure)
            return Result<(Money, Money)>.Failure([.. priceMoney.Errors.Select(e => e.WithField("price"))]);
        var costMoney = Money.FromAmount(cost, currency.Value);
        if (costMoney.IsFailure)
            return Result<(Money, Money)>.Failure([.. costMoney.Errors.Select(e => e.WithField("cost"))]);
        return (priceMoney.Value, costMoney.Value);
    }
}
