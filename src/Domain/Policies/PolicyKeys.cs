using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Returns;

namespace EcomErp.Domain.Policies;

/// <summary>
/// The catalog of policies, with their defaults, allowed ranges and scopes. The thresholds that decide whether money moves
/// without a person's approval (high value, stock adjustments) guard money: changing them needs a second administrator.
/// A policy its readers take as an <c>int</c> (days, units, basis points, a score) is a whole number, and a yes/no is a
/// flag: a fraction would be shown as set while its truncation applied.
/// </summary>
public static class PolicyKeys
{
    public static readonly PolicyDefinition HighValueThreshold = new(
        "orders.high-value-threshold",
        "Order total (in the order's currency, major units) at or above which finance approves before allocation; per channel and currency.",
        2_500m, 0m, 100_000_000m, PolicyScoping.PerChannelInCurrency, GuardsMoney: true);

    public static readonly PolicyDefinition FraudScoreThreshold = new(
        "orders.fraud-score-threshold",
        "Fraud score (0-100) at or above which an order waits for a fraud review; per channel.",
        60m, 0m, 100m, PolicyScoping.PerChannel, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition AdjustmentApprovalThreshold = new(
        "inventory.adjustment-approval-threshold",
        "Units (either way) of a SKU at a location that stock adjustments and cycle-count corrections may change within the approval period, "
        + "by anybody and the new one included, before the one that goes above it waits for a second person's approval.",
        50m, 0m, 100_000m, GuardsMoney: true, Kind: PolicyValueKind.WholeNumber);

    // A shorter period lets more units through unchecked as surely as a higher threshold, so it guards money too (decision 071).
    public static readonly PolicyDefinition AdjustmentApprovalPeriodHours = new(
        "inventory.adjustment-approval-period-hours",
        "Hours before a stock adjustment or cycle-count correction whose adjustments of the same SKU and location (applied or waiting "
        + "for approval) count with it against the adjustment approval threshold, so splitting a correction does not avoid approval.",
        24m, 1m, 720m, GuardsMoney: true, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition ReceiptOverTolerancePercent = new(
        "inventory.receipt-over-tolerance-percent",
        "Percent of a purchase order line's quantity that may be received beyond it; more is refused.",
        5m, 0m, 100m);

    public static readonly PolicyDefinition ReceiptUnderTolerancePercent = new(
        "inventory.receipt-under-tolerance-percent",
        "Percent of a purchase order line's quantity that may be missing for the line to count as complete (the rest is closed).",
        2m, 0m, 100m);

    public static readonly PolicyDefinition ReturnWindowDays = new(
        "returns.window-days",
        "Days after a line's shipment within which its units may be returned; per channel.",
        30m, 0m, 365m, PolicyScoping.PerChannel, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition ReturnRestockingFeeBasisPoints = new(
        "returns.restocking-fee-basis-points",
        "Restocking fee in basis points (100 = 1 %) of the refunded units of lines returned for a customer-fault reason; per channel.",
        1_000m, 0m, 10_000m, PolicyScoping.PerChannel, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition ReturnShippingFee = new(
        "returns.shipping-fee",
        "Return shipping the customer pays (taken from the refund) unless every line's reason is the seller's fault; per channel and currency.",
        5m, 0m, 1_000m, PolicyScoping.PerChannelInCurrency);

    public static readonly PolicyDefinition ReturnAutoAuthorizeBelow = new(
        "returns.auto-authorize-below",
        "Return value (order prices, major units) below which a return is authorised at once; at or above it a second person authorises; per channel and currency.",
        250m, 0m, 100_000_000m, PolicyScoping.PerChannelInCurrency, GuardsMoney: true);

    public static readonly PolicyDefinition ReturnWriteOffApprovalUnits = new(
        "returns.write-off-approval-units",
        "Scrapped units of a return line above which their write-off waits for a second person's approval; per channel.",
        5m, 0m, 100_000m, PolicyScoping.PerChannel, GuardsMoney: true, Kind: PolicyValueKind.WholeNumber);

    // The abnormal-returns rule (decision 044): global, since a SKU's pattern is judged over every channel's units.
    public static readonly PolicyDefinition AbnormalReturnsWindowDays = new(
        "returns.abnormal.window-days",
        "Days (today included) whose return rate per SKU is compared with its baseline by the abnormal-returns rule.",
        14m, 1m, 90m, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition AbnormalReturnsBaselineDays = new(
        "returns.abnormal.baseline-days",
        "Days before the recent window whose return rate per SKU is the baseline of the abnormal-returns rule.",
        90m, 7m, 365m, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition AbnormalReturnsFactorBasisPoints = new(
        "returns.abnormal.factor-basis-points",
        "How far a SKU's recent return rate must exceed its baseline to be flagged, in basis points of the baseline (20000 = twice).",
        20_000m, 10_000m, 1_000_000m, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition AbnormalReturnsMinShippedUnits = new(
        "returns.abnormal.min-shipped-units",
        "Units of a SKU that must have shipped in the recent window and in the baseline before the abnormal-returns rule judges it (noise is not flagged).",
        20m, 1m, 1_000_000m, Kind: PolicyValueKind.WholeNumber);

    // The same rule per customer (decision 044): a customer buys far fewer units than a SKU sells, so the minimum is its own.
    public static readonly PolicyDefinition AbnormalReturnsCustomerMinShippedUnits = new(
        "returns.abnormal.customer-min-shipped-units",
        "Units shipped to a customer in the recent window and in the baseline before the abnormal-returns rule judges the customer (noise is not flagged).",
        5m, 1m, 100_000m, Kind: PolicyValueKind.WholeNumber);

    public static readonly PolicyDefinition AbnormalReturnsCustomerMinReturnedUnits = new(
        "returns.abnormal.customer-min-returned-units",
        "Units a customer must have returned in the recent window before the abnormal-returns rule flags the customer, however the rates compare: a floor so one or two returns are never a pattern.",
        3m, 1m, 100_000m, Kind: PolicyValueKind.WholeNumber);

    /// <summary>Whether a channel accepts returns for each reason of <see cref="ReturnReasons"/> (1 yes, 0 no); every reason by default.</summary>
    public static IReadOnlyList<PolicyDefinition> ReturnReasonAcceptedPolicies { get; } =
    [
        .. ReturnReasons.All.Select(r => new PolicyDefinition(
            $"returns.reason-accepted.{r.Code.ToLowerInvariant().Replace('_', '-')}",
            $"1 when the channel accepts returns for {r.Code} ({r.Description}), 0 when it refuses them; per channel.",
            1m, 0m, 1m, PolicyScoping.PerChannel, Kind: PolicyValueKind.Flag)),
    ];

    public static PolicyDefinition ReturnReasonAccepted(ReturnReason reason) =>
        ReturnReasonAcceptedPolicies.Single(p => p.Key == $"returns.reason-accepted.{reason.Code.ToLowerInvariant().Replace('_', '-')}");

    /// <summary>
    /// The SLA of each exception type, in hours, defaulting to the code's (decision 025). Only new cases are timed by a
    /// changed value: an open case keeps the due time and ladder it was raised with.
    /// </summary>
    public static IReadOnlyList<PolicyDefinition> SlaHoursPolicies { get; } =
    [
        .. ExceptionSlaPolicies.Defaults.Select(p => new PolicyDefinition(
            $"exceptions.sla-hours.{SlaKeyOf(p.Type)}",
            $"Hours a {p.Type} case may stay open: then it is overdue and goes to the operations manager, and after as long again to an administrator. New cases only.",
            (decimal)p.Sla.TotalHours, 0.25m, 720m)),
    ];

    /// <summary>
    /// How long after a hold is released a new hold of its type on the same order still counts as putting it back: the new hold's
    /// case keeps the released one's SLA due time and escalation (decision 070). At least an hour, so it cannot be switched off.
    /// </summary>
    public static readonly PolicyDefinition ReplacedHoldWindowHours = new(
        "exceptions.replaced-hold-window-hours",
        "Hours after a hold is released within which a new hold of the same type on the same order keeps the released hold's case's SLA due time and escalation level, instead of starting a fresh SLA.",
        24m, 1m, 720m);

    public static IReadOnlyList<PolicyDefinition> All { get; } =
        [HighValueThreshold, FraudScoreThreshold, AdjustmentApprovalThreshold, AdjustmentApprovalPeriodHours, ReceiptOverTolerancePercent, ReceiptUnderTolerancePercent,
         .. SlaHoursPolicies, ReplacedHoldWindowHours,
         ReturnWindowDays, ReturnRestockingFeeBasisPoints, ReturnShippingFee, ReturnAutoAuthorizeBelow, ReturnWriteOffApprovalUnits, .. ReturnReasonAcceptedPolicies,
         AbnormalReturnsWindowDays, AbnormalReturnsBaselineDays, AbnormalReturnsFactorBasisPoints, AbnormalReturnsMinShippedUnits,
         AbnormalReturnsCustomerMinShippedUnits, AbnormalReturnsCustomerMinReturnedUnits];

    public static PolicyDefinition SlaHours(ExceptionType type) => SlaHoursPolicies.Single(p => p.Key == $"exceptions.sla-hours.{SlaKeyOf(type)}");

    public static PolicyDefinition? Find(string key) => All.FirstOrDefault(p => p.Key == key);

    /// <summary>FraudReview: fraud-review.</summary>
    private static string SlaKeyOf(ExceptionType type) =>
        string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
