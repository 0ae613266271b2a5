using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// The default SLA and escalation ladder of every exception type (the values are documented in decision 025). Every
/// ladder has the same shape: as soon as the SLA is breached the operations manager is brought in (level 1), and when the
/// case is overdue by as long again as its SLA an administrator (level 2). The shorter the SLA, the more a late
/// decision costs: a fraud or carrier decision holds a shipment today; a credit check or a stock adjustment can wait a day.
/// The durations are governed policies (<see cref="Policies.PolicyKeys.SlaHours"/>, defaulting to these); the shape is not.
/// </summary>
public static class ExceptionSlaPolicies
{
    public static IReadOnlyList<ExceptionSlaPolicy> Defaults { get; } =
    [
        Ladder(ExceptionType.FraudReview, TimeSpan.FromHours(4)),
        Ladder(ExceptionType.AddressValidation, TimeSpan.FromHours(8)),
        Ladder(ExceptionType.InventoryShortfall, TimeSpan.FromHours(24)),
        Ladder(ExceptionType.CarrierCapacity, TimeSpan.FromHours(2)),
        Ladder(ExceptionType.HighValueApproval, TimeSpan.FromHours(8)),
        Ladder(ExceptionType.CreditCheck, TimeSpan.FromHours(24)),
        Ladder(ExceptionType.ShortPick, TimeSpan.FromHours(2)),
        Ladder(ExceptionType.AdjustmentApproval, TimeSpan.FromHours(24)),
        Ladder(ExceptionType.IntegrationFailure, TimeSpan.FromHours(1)),
        Ladder(ExceptionType.ManualHold, TimeSpan.FromHours(24)),
        // A money threshold change waits for its second administrator; nothing stops meanwhile, the old value holds.
        Ladder(ExceptionType.PolicyApproval, TimeSpan.FromHours(24)),
        // The customer waits for the authorisation; a day, like the other four-eyes approvals.
        Ladder(ExceptionType.ReturnApproval, TimeSpan.FromHours(24)),
        // A pattern to look into, not a shipment waiting: three days.
        Ladder(ExceptionType.AbnormalReturns, TimeSpan.FromHours(72)),
        // A replacement not paid for: decided within two days, while a replacement not yet shipped can still be stopped.
        Ladder(ExceptionType.ExchangeNotReturned, TimeSpan.FromHours(48)),
    ];

    public static ExceptionSlaPolicy DefaultFor(ExceptionType type) => Defaults.Single(p => p.Type == type);

    /// <summary>The highest escalation level any ladder reaches: cases at it have nowhere left to climb.</summary>
    public static int TopLevel { get; } = Defaults.Max(p => p.Ladder.Count == 0 ? 0 : p.Ladder.Max(r => r.Level));

    /// <summary>
    /// The ladder an open case climbs: the one of the SLA it was raised with (its due time less its raising time), so a
    /// policy changed since moves neither its due time nor its rungs (decision 025).
    /// </summary>
    public static ExceptionSlaPolicy TimedBy(ExceptionCase exceptionCase) =>
        Ladder(exceptionCase.Type, exceptionCase.DueAt - exceptionCase.RaisedAt, exceptionCase.PolicyVersion);

    /// <summary>The ladder of <paramref name="type"/> for an SLA of <paramref name="sla"/>, of the policy edition <paramref name="version"/> set by <paramref name="changedBy"/>.</summary>
    public static ExceptionSlaPolicy Ladder(ExceptionType type, TimeSpan sla, int version = ExceptionSlaPolicy.CodeDefaultVersion, string changedBy = Actor.SystemId) =>
        new(type, sla, [new EscalationRung(1, Roles.OperationsManager, TimeSpan.Zero), new EscalationRung(2, Roles.Admin, sla)], version, changedBy);
}
