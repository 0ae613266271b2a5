using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>The returns workflow's map: the states each step starts from and the roles that own it, as data.</summary>
public static class ReturnWorkflow
{
    /// <summary>States before any unit came back: a cancellation or an authorisation's change of mind still costs nothing.</summary>
    private static readonly HashSet<ReturnStatus> BeforeReceipt = [ReturnStatus.Requested, ReturnStatus.Authorized, ReturnStatus.InTransit];

    /// <summary>
    /// Receiving, missing units, inspection and disposition work inside the states they advance: a partial receipt stays
    /// Received, and the return moves on by itself once the whole of it has reached the next state.
    /// </summary>
    private static readonly Dictionary<ReturnStep, ReturnStepRule> Steps = new()
    {
        [ReturnStep.Authorize] = Decision([ReturnStatus.Requested], Roles.OperationsManager, Roles.CustomerService),
        [ReturnStep.Reject] = Decision([ReturnStatus.Requested], Roles.OperationsManager, Roles.CustomerService),
        [ReturnStep.MarkInTransit] = Rule([ReturnStatus.Authorized], Roles.WarehouseManager, Roles.CustomerService),
        [ReturnStep.Receive] = Rule([ReturnStatus.Authorized, ReturnStatus.InTransit, ReturnStatus.Received], Roles.WarehouseManager),
        // Also before the first unit: a parcel that never comes is closed as missing (an exchange's return, whose replacement has
        // shipped, is not cancelled; decision 094).
        [ReturnStep.CloseMissingUnits] = Rule([ReturnStatus.Authorized, ReturnStatus.InTransit, ReturnStatus.Received], Roles.WarehouseManager),
        [ReturnStep.Inspect] = Rule([ReturnStatus.Received], Roles.WarehouseManager),
        [ReturnStep.Disposition] = Rule([ReturnStatus.Inspected], Roles.WarehouseManager),
        // A write-off above the threshold waits for a second person; the refund need not wait for it.
        [ReturnStep.ApproveWriteOff] = Decision([ReturnStatus.Dispositioned, ReturnStatus.Refunded], Roles.OperationsManager),
        [ReturnStep.Refund] = Rule([ReturnStatus.Dispositioned], Roles.Finance),
        [ReturnStep.Close] = Rule([ReturnStatus.Refunded], Roles.Finance, Roles.CustomerService),
        [ReturnStep.Cancel] = new(BeforeReceipt, [Roles.CustomerService, Roles.OperationsManager]),
    };

    /// <summary>The roles that may request a return (a partner's key holds the role for its own channels).</summary>
    public static IReadOnlyList<string> RequestOwners { get; } = [Roles.CustomerService];

    public static ReturnStepRule RuleOf(ReturnStep step) => Steps[step];

    private static ReturnStepRule Rule(ReturnStatus[] from, params string[] owners) => new(from.ToHashSet(), owners);

    private static ReturnStepRule Decision(ReturnStatus[] from, params string[] owners) => new(from.ToHashSet(), owners, IsDecision: true);

    /// <summary>True while the return still counts against the order line's shipped units (decided or not, but not refused or withdrawn).</summary>
    public static bool IsLive(ReturnStatus status) => status is not (ReturnStatus.Rejected or ReturnStatus.Cancelled);

    public static bool IsTerminal(ReturnStatus status) => status is ReturnStatus.Closed or ReturnStatus.Rejected or ReturnStatus.Cancelled;

    /// <summary>The state's place in the workflow, for sorting (the stored numbers say nothing about it).</summary>
    public static int RankOf(ReturnStatus status) => status switch
    {
        ReturnStatus.Requested => 0,
        ReturnStatus.Authorized => 1,
        ReturnStatus.InTransit => 2,
        ReturnStatus.Received => 3,
        ReturnStatus.Inspected => 4,
        ReturnStatus.Dispositioned => 5,
        ReturnStatus.Refunded => 6,
        ReturnStatus.Closed => 7,
        ReturnStatus.Rejected => 8,
        ReturnStatus.Cancelled => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
