using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// The default SLA and escalation ladder of every exception type (the values are documented in decision 025). Every
/// ladder has the same shape: as soon as the SLA is breached the operations manager is brought in (level 1), and when the
/// case is overdue by as long again as its SLA an administrator (level 2). The shorter the SLA, the more a late
/// decision costs: a fraud or carrier decision holds a shipment today; a credit check or a stock adjustment can wait a day.
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
    ];

    public static ExceptionSlaPolicy DefaultFor(ExceptionType type) => Defaults.Single(p => p.Type == type);

    private static ExceptionSlaPolicy Ladder(ExceptionType type, TimeSpan sla) =>
        new(type, sla, [new EscalationRung(1, Roles.OperationsManager, TimeSpan.Zero), new EscalationRung(2, Roles.Admin, sla)]);
}
