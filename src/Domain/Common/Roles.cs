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

    /// <summary>The roles a person can be given (System is reserved for EcomErp itself).</summary>
    public static IReadOnlyList<string> Assignable { get; } =
        [Admin, OperationsManager, WarehouseManager, Planner, Finance, CustomerService, Executive];
}
