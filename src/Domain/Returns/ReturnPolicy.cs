namespace EcomErp.Domain.Returns;

/// <summary>
/// A channel's return rules in force when a return is requested (governed policies, decision 028): the window after a line's
/// shipment, the reasons it accepts, the fees, the value below which a return is authorised without a person, and the units
/// a write-off may take without a second person. Money in minor units of the order's currency.
/// </summary>
public sealed record ReturnPolicy(
    int WindowDays,
    IReadOnlySet<string> AcceptedReasons,
    int RestockingFeeBasisPoints,
    long ReturnShippingFeeMinor,
    long AutoAuthorizeBelowMinor,
    int WriteOffApprovalUnits)
{
    public const int BasisPointsPerWhole = 10_000;
}
