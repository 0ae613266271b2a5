namespace EcomErp.Domain.Common;

/// <summary>The role names used for ownership of workflow steps (the admin's Identity roles carry the same names).</summary>
public static class Roles
{
    public const string System = "System";
    public const string Admin = "Admin";
    public const string OperationsManager = "OperationsManager";
    public const string WarehouseManager = "WarehouseManager";
    public const string Planner = "Planner";
    public const string Finance = "Finance";
    public const string CustomerService = "CustomerService";
    public const string Executive = "Executive";

    /// <summary>
    /// Settles the outbox's parked events and nothing else; an API key gets it with the outbox:admin scope only (a key is never an
    /// Admin). Not assignable: a person who settles parked events is an Admin.
    /// </summary>
    public const string OutboxOperator = "OutboxOperator";

    /// <summary>The roles a person can be given (System is reserved for EcomErp itself).</summary>
    public static IReadOnlyList<string> Assignable { get; } =
        [Admin, OperationsManager, WarehouseManager, Planner, Finance, CustomerService, Executive];
}
