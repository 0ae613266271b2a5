using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Domain.Access;
using GraphQL;

namespace EcomErp.Api.GraphQL.Catalog;

/// <summary>
/// Master data (the catalog, channels, locations) serves whoever sells or stocks: a key that reads orders or inventory
/// reads it too, with no scope of its own to hand out.
/// </summary>
internal static class CatalogAccess
{
    public const string ScopeText = "Needs 'orders:read' or 'inventory:read'.";

    public static ApiCaller RequireCatalogScope(this IResolveFieldContext context)
    {
        var caller = context.Caller();
        if (!caller.Scopes.Contains(ApiScopes.OrdersRead) && !caller.Scopes.Contains(ApiScopes.InventoryRead))
            throw new ExecutionError("Master data needs the 'orders:read' or 'inventory:read' scope.") { Code = SchemaErrorCodes.Forbidden };
        return caller;
    }
}
