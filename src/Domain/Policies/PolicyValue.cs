using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>
/// A named threshold or rule value that admins govern (approval thresholds, fraud score limit, ...).
/// Each key declares its range so a bad value is refused where it is set, not discovered where it is used.
/// </summary>
public sealed class PolicyValue
{
    public const int KeyMaxLength = 100;

    private PolicyValue() { }

    public string Key { get; private set; } = "";
    public decimal Value { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<PolicyValue> Create(string key, decimal value, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator sets policies.");
        if (PolicyKeys.Find(key) is not { } definition)
            return new Error(PolicyErrors.UnknownKey, $"'{key}' is not a policy.", "key");
        if (definition.Check(value) is { } error)
            return error;
        return new PolicyValue { Key = definition.Key, Value = value, UpdatedBy = actor.Id, UpdatedAt = at };
    }

    public Result Change(decimal value, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator changes policies.");
        if (PolicyKeys.Find(Key)!.Check(value) is { } error)
            return error;
        (Value, UpdatedBy, UpdatedAt) = (value, actor.Id, at);
        return Result.Success();
    }
}

public sealed record PolicyDefinition(string Key, string Description, decimal Default, decimal Min, decimal Max)
{
    internal Error? Check(decimal value) => value < Min || value > Max
        ? new Error(PolicyErrors.ValueOutOfRange, $"{Key} must be between {Min} and {Max}.", "value")
        : null;
}

/// <summary>The catalog of policies, with their defaults and allowed ranges.</summary>
public static class PolicyKeys
{
    public static readonly PolicyDefinition HighValueThreshold = new(
        "orders.high-value-threshold",
        "Order total (in the order's currency, major units) above which finance approves before allocation.",
        2_500m, 0m, 100_000_000m);

    public static readonly PolicyDefinition FraudScoreThreshold = new(
        "orders.fraud-score-threshold",
        "Fraud score (0-100) at or above which an order waits for a fraud review.",
        60m, 0m, 100m);

    public static readonly PolicyDefinition AdjustmentApprovalThreshold = new(
        "inventory.adjustment-approval-threshold",
        "Units (either way) above which a stock adjustment or cycle-count correction waits for a second person's approval.",
        50m, 0m, 100_000m);

    public static readonly PolicyDefinition ReceiptOverTolerancePercent = new(
        "inventory.receipt-over-tolerance-percent",
        "Percent of a purchase order line's quantity that may be received beyond it; more is refused.",
        5m, 0m, 100m);

    public static readonly PolicyDefinition ReceiptUnderTolerancePercent = new(
        "inventory.receipt-under-tolerance-percent",
        "Percent of a purchase order line's quantity that may be missing for the line to count as complete (the rest is closed).",
        2m, 0m, 100m);

    public static IReadOnlyList<PolicyDefinition> All { get; } =
        [HighValueThreshold, FraudScoreThreshold, AdjustmentApprovalThreshold, ReceiptOverTolerancePercent, ReceiptUnderTolerancePercent];

    public static PolicyDefinition? Find(string key) => All.FirstOrDefault(p => p.Key == key);
}
