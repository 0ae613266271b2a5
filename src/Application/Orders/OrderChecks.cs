using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Orders;

/// <summary>A hold the checks want placed, and why.</summary>
public sealed record HoldRequest(HoldType Type, string Reason);

/// <summary>The fraud score and the rules that produced it, so a reviewer sees why.</summary>
public sealed record FraudAssessment(int Score, IReadOnlyList<string> Reasons);

/// <summary>The validation checks that need master data and policy, shared by validation and the blockers query.</summary>
public sealed class OrderChecks(ICatalog catalog, IOrderRepository orders, IPolicyReader policies)
{
    private static readonly HashSet<string> DisposableEmailDomains = new(StringComparer.Ordinal)
    {
        "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "trashmail.com", "yopmail.com", "sharklasers.com",
    };

    public const int BulkQuantity = 10;

    /// <summary>Problems with the order's data: they keep it in Captured, on hold, until a person fixes or accepts them.</summary>
    public async Task<IReadOnlyList<HoldRequest>> FindDataProblemsAsync(Order order, CancellationToken cancellationToken)
    {
        var problems = new List<HoldRequest>();
        if (order.AddressVerifiedBy is null && order.AddressFindings is { Count: > 0 } findings)
            problems.Add(new HoldRequest(HoldType.AddressValidation, AddressRules.Describe(findings)));

        var catalogProblems = new List<string>();
        var channel = await catalog.FindChannelAsync(order.Channel, cancellationToken);
        if (channel is not { IsActive: true })
            catalogProblems.Add($"Channel {order.Channel} is not active.");
        var skus = await catalog.FindSkusAsync([.. order.Lines.Select(l => l.Sku)], cancellationToken);
        catalogProblems.AddRange(order.Lines
            .Where(l => !skus.TryGetValue(l.Sku, out var sku) || !sku.IsActive)
            .Select(l => $"SKU {l.Sku} is not active."));
        if (catalogProblems.Count > 0 && !order.HasReleasedHold(HoldType.Manual))
            problems.Add(new HoldRequest(HoldType.Manual, string.Join(" ", catalogProblems)));
        return problems;
    }

    /// <summary>Risks of a valid order: they let it validate but hold it for a decision before stock is committed.</summary>
    public async Task<(FraudAssessment Fraud, IReadOnlyList<HoldRequest> Holds)> AssessRisksAsync(Order order, CancellationToken cancellationToken)
    {
        var highValueThreshold = await HighValueThresholdAsync(order, cancellationToken);
        var fraudThreshold = (int)await policies.GetAsync(PolicyKeys.FraudScoreThreshold, new PolicyScope(order.Channel.Value, ""), cancellationToken);
        var channel = await catalog.FindChannelAsync(order.Channel, cancellationToken);
        var fraud = await ScoreFraudAsync(order, channel, highValueThreshold, cancellationToken);

        var holds = new List<HoldRequest>();
        if (order.Total.MinorUnits >= highValueThreshold.MinorUnits && !order.HasReleasedHold(HoldType.HighValueApproval))
            holds.Add(new HoldRequest(HoldType.HighValueApproval, $"Total {order.Total} reaches the high-value threshold {highValueThreshold}."));
        if (fraud.Score >= fraudThreshold && !order.HasReleasedHold(HoldType.FraudReview))
            holds.Add(new HoldRequest(HoldType.FraudReview, $"Fraud score {fraud.Score} reaches {fraudThreshold}: {string.Join("; ", fraud.Reasons)}."));
        if (channel?.Kind == ChannelKind.Wholesale && !order.HasReleasedHold(HoldType.CreditCheck)
            && await catalog.FindCustomerAsync(order.Customer.Email, cancellationToken) is { } customer
            && CreditProblem(order, customer) is { } creditProblem)
            holds.Add(new HoldRequest(HoldType.CreditCheck, creditProblem));
        return (fraud, holds);
    }

    /// <summary>
    /// The channel's threshold in the order's currency; else the global one in that currency; else the global one for every
    /// currency; else the default, read as an amount of the order's currency (decision 028).
    /// </summary>
    private async Task<Money> HighValueThresholdAsync(Order order, CancellationToken cancellationToken)
    {
        var currency = order.Currency;
        var amount = await policies.GetAsync(PolicyKeys.HighValueThreshold, new PolicyScope(order.Channel.Value, currency.Code), cancellationToken);
        // A value for every currency may carry more decimals than this one holds (2.50 read as JPY): round them away.
        return Money.FromAmount(Math.Round(amount, currency.MinorDigits), currency).Value;
    }

    private async Task<FraudAssessment> ScoreFraudAsync(Order order, Channel? channel, Money highValueThreshold, CancellationToken cancellationToken)
    {
        var score = 0;
        var reasons = new List<string>();
        void Add(int points, string reason)
        {
            score += points;
            reasons.Add($"+{points} {reason}");
        }

        var emailDomain = order.Customer.Email[(order.Customer.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        if (DisposableEmailDomains.Contains(emailDomain))
            Add(40, $"disposable email domain {emailDomain}");
        if (order.Total.MinorUnits >= highValueThreshold.MinorUnits)
            Add(20, "order total at or above the high-value threshold");
        if (order.ServiceLevel != ServiceLevel.Standard && order.Total.MinorUnits * 2 >= highValueThreshold.MinorUnits)
            Add(15, $"{order.ServiceLevel} delivery on an order of {order.Total}");
        if (channel?.Kind != ChannelKind.Wholesale && order.Lines.Any(l => l.Quantity >= BulkQuantity))
            Add(15, $"a consumer order with {BulkQuantity} or more units of one SKU");
        if (!string.Equals(order.Customer.Name, order.ShipTo.Name, StringComparison.OrdinalIgnoreCase))
            Add(10, "ship-to name differs from the customer's name");
        if (await orders.CountOtherOrdersByEmailAsync(order.Customer.Email, order.Id, cancellationToken) == 0)
            Add(10, "first order from this customer");
        return new FraudAssessment(Math.Min(score, 100), reasons);
    }

    private static string? CreditProblem(Order order, Customer customer)
    {
        if (customer.CreditLimitMinor is not { } limit)
            return null;
        if (customer.CreditCurrency != order.Currency.Code)
            return $"The customer's credit limit is in {customer.CreditCurrency}, the order in {order.Currency}.";
        return order.TotalMinor > limit ? $"Total {order.Total} exceeds the credit limit {new Money(limit, order.Currency)}." : null;
    }
}
