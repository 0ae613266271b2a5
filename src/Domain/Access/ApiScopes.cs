namespace EcomErp.Domain.Access;

/// <summary>What an API client may do. A partner gets the narrowest set its integration needs.</summary>
public static class ApiScopes
{
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string FulfillmentWrite = "fulfillment:write";
    public const string ReturnsRead = "returns:read";
    public const string ReturnsWrite = "returns:write";

    /// <summary>Exception cases of the queues the key's roles own; never for partner keys, whatever their scopes.</summary>
    public const string ExceptionsRead = "exceptions:read";

    /// <summary>Assign, resolve and dismiss cases. The scope opens the fields; the queue's role (granted to the key) decides.</summary>
    public const string ExceptionsWrite = "exceptions:write";

    /// <summary>Policy values, their history and pending changes: thresholds say what passes unchecked, so not for every key (decision 028).</summary>
    public const string PoliciesRead = "policies:read";

    /// <summary>Set policy values. The scope opens the field; the Admin role (granted to the key) sets, and a second administrator approves money thresholds.</summary>
    public const string PoliciesWrite = "policies:write";

    /// <summary>
    /// Change master data (channels and their allocation policies, decision 037). The scope opens the fields; the Planner role
    /// (granted to the key, or implied by inventory:write) decides, as it does for a person. Never for partner keys.
    /// </summary>
    public const string CatalogWrite = "catalog:write";

    /// <summary>The audit log: every command by a person or API client, with master data before and after. Never for partner keys.</summary>
    public const string AuditRead = "audit:read";

    /// <summary>The journal, the trial balance, the inventory valuation and the invoices and credit notes: every channel's money, so never for partner keys.</summary>
    public const string FinanceRead = "finance:read";

    /// <summary>The checks behind /health/ready (provider, migrations, outbox lag, Redis): for monitoring, not for partners.</summary>
    public const string HealthRead = "health:read";

    /// <summary>
    /// The outbox's parked events: list them, retry or skip one (decision 054). Operations tooling over every channel's events, so
    /// never for partner keys; the key settles parked events as <see cref="Common.Roles.OutboxOperator"/>, and nothing else by it.
    /// </summary>
    public const string OutboxAdmin = "outbox:admin";

    public static IReadOnlyList<string> All { get; } = [OrdersRead, OrdersWrite, InventoryRead, InventoryWrite, FulfillmentWrite, ReturnsRead, ReturnsWrite, ExceptionsRead, ExceptionsWrite, PoliciesRead, PoliciesWrite, CatalogWrite, AuditRead, FinanceRead, HealthRead, OutboxAdmin];
}
