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

/// <summary>
/// The validation checks that need master data and policy, shared by validation and the blockers query. Scoped: the
/// channels, SKUs, policy values and customers it reads are read once per scope (one attempt at an automation batch, one
/// request) and reused for every order checked in it; <see cref="PrefetchAsync"/> reads a whole batch's in one round.
/// </summary>
public sealed class OrderChecks(ICatalog catalog, IOrderRepository orders, IPolicyReader policies)
{
    private readonly Dictionary<ChannelCode, Channel?> _channels = [];
    private readonly Dictionary<SkuCode, Sku?> _skus = [];
    private readonly Dictionary<(string Key, PolicyScope Scope), decimal> _policies = [];
    private readonly Dictionary<string, Customer?> _customers = new(StringComparer.Ordinal);
    // Orders per customer email as read by PrefetchAsync, and the orders that read covered (each counts itself once).
    private readonly Dictionary<string, int> _ordersByEmail = new(StringComparer.Ordinal);
    private readonly HashSet<OrderId> _countedOrders = [];

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
        var channel = await ChannelAsync(order.Channel, cancellationToken);
        if (channel is not { IsActive: true })
            catalogProblems.Add($"Channel {order.Channel} is not active.");
        var skus = await SkusAsync(order.Lines.Select(l => l.Sku), cancellationToken);
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
        var fraudThreshold = (int)await PolicyAsync(PolicyKeys.FraudScoreThreshold, new PolicyScope(order.Channel.Value, ""), cancellationToken);
        var channel = await ChannelAsync(order.Channel, cancellationToken);
        var fraud = await ScoreFraudAsync(order, channel, highValueThreshold, cancellationToken);

        var holds = new List<HoldRequest>();
        if (order.Total.MinorUnits >= highValueThreshold.MinorUnits && !order.HasReleasedHold(HoldType.HighValueApproval))
            holds.Add(new HoldRequest(HoldType.HighValueApproval, $"Total {order.Total} reaches the high-value threshold {highValueThreshold}."));
        if (fraud.Score >= fraudThreshold && !order.HasReleasedHold(HoldType.FraudReview))
            holds.Add(new HoldRequest(HoldType.FraudReview, $"Fraud score {fraud.Score} reaches {fraudThreshold}: {string.Join("; ", fraud.Reasons)}."));
        if (channel?.Kind == ChannelKind.Wholesale && !order.HasReleasedHold(HoldType.CreditCheck)
            && await CustomerAsync(order.Customer.Email, cancellationToken) is { } customer
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
        var amount = await PolicyAsync(PolicyKeys.HighValueThreshold, new PolicyScope(order.Channel.Value, currency.Code), cancellationToken);
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
        if (await CountOtherOrdersAsync(order, cancellationToken) == 0)
            Add(10, "first order from this customer");
        return new FraudAssessment(Math.Min(score, 100), reasons);
    }

    /// <summary>
    /// Reads what checking <paramref name="batch"/> needs in one round: its channels, every SKU on its lines and how many
    /// orders each of its customers placed. The checks that follow in this scope read none of it again.
    /// </summary>
    public async Task PrefetchAsync(IReadOnlyCollection<Order> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;
        foreach (var channel in batch.Select(o => o.Channel).Distinct())
            await ChannelAsync(channel, cancellationToken);
        await SkusAsync(batch.SelectMany(o => o.Lines).Select(l => l.Sku), cancellationToken);
        var uncounted = batch.Where(o => !_countedOrders.Contains(o.Id)).ToList();
        var counts = await orders.CountOrdersByEmailAsync([.. uncounted.Select(o => o.Customer.Email).Distinct(StringComparer.Ordinal)], cancellationToken);
        foreach (var order in uncounted)
        {
            _ordersByEmail[order.Customer.Email] = counts.GetValueOrDefault(order.Customer.Email);
            _countedOrders.Add(order.Id);
        }
    }

    private async Task<Channel?> ChannelAsync(ChannelCode code, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(code, out var channel))
            _channels[code] = channel = await catalog.FindChannelAsync(code, cancellationToken);
        return channel;
    }

    private async Task<IReadOnlyDictionary<SkuCode, Sku>> SkusAsync(IEnumerable<SkuCode> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct().ToList();
        var missing = wanted.Where(code => !_skus.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            var found = await catalog.FindSkusAsync(missing, cancellationToken);
            foreach (var code in missing)
                _skus[code] = found.GetValueOrDefault(code);
        }
        return wanted.Where(code => _skus[code] is not null).ToDictionary(code => code, code => _skus[code]!);
    }

    private async Task<decimal> PolicyAsync(PolicyDefinition policy, PolicyScope scope, CancellationToken cancellationToken)
    {
        if (!_policies.TryGetValue((policy.Key, scope), out var value))
            _policies[(policy.Key, scope)] = value = await policies.GetAsync(policy, scope, cancellationToken);
        return value;
    }

    private async Task<Customer?> CustomerAsync(string email, CancellationToken cancellationToken)
    {
        if (!_customers.TryGetValue(email, out var customer))
            _customers[email] = customer = await catalog.FindCustomerAsync(email, cancellationToken);
        return customer;
    }

    /// <summary>The customer's orders other than this one: from the batch's count when it covered the order (read with it in the store), else one query.</summary>
    private async Task<int> CountOtherOrdersAsync(Order order, CancellationToken cancellationToken) =>
        _countedOrders.Contains(order.Id) && _ordersByEmail.TryGetValue(order.Customer.Email, out var all)
            ? Math.Max(0, all - 1)
            : await orders.CountOtherOrdersByEmailAsync(order.Customer.Email, order.Id, cancellationToken);

    private static string? CreditProblem(Order order, Customer customer)
    {
        if (customer.CreditLimitMinor is not { } limit)
            return null;
        if (customer.CreditCurrency != order.Currency.Code)
            return $"The customer's credit limit is in {customer.CreditCurrency}, the order in {order.Currency}.";
        return order.TotalMinor > limit ? $"Total {order.Total} exceeds the credit limit {new Money(limit, order.Currency)}." : null;
    }
}
