using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListSuppliers;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

/// <summary>A supplier of the master data: purchase orders and the ledger's supplier filter name it by code.</summary>
public sealed class SupplierType : ObjectGraphType<SupplierView>
{
    public SupplierType()
    {
        Name = "Supplier";
        Description = "A business stock is bought from. Purchase orders name it by code; only an active one takes new orders.";
        Field(s => s.Code).Description("Supplier code, e.g. TEXTIL-PORTO.");
        Field(s => s.Name).Description("Display name.");
        Field(s => s.LeadTimeDays).Description("Nominal days from ordering to receiving, 1 to 365.");
        Field<NonNullGraphType<SupplierContactType>>("contact").Description("Whom to call about its orders; parts may be empty.").Resolve(c => c.Source);
        Field("active", s => s.IsActive).Description("False when no new purchase order may name it.");
    }
}

public sealed class SupplierContactType : ObjectGraphType<SupplierView>
{
    public SupplierContactType()
    {
        Name = "SupplierContact";
        Description = "A supplier's contact; each part is empty when not kept.";
        Field("name", s => s.ContactName).Description("The contact person.");
        Field("email", s => s.ContactEmail).Description("Email address, lower case.");
        Field("phone", s => s.ContactPhone).Description("Phone number as written.");
    }
}

public static class SupplierQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        // Not opened to partner keys: suppliers belong to no channel.
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplierType>>>>("suppliers")
            .Description($"The suppliers of the master data by code. Needs '{ApiScopes.InventoryRead}'.")
            .Argument<BooleanGraphType>("active", "Only active (true) or inactive (false) suppliers; all when omitted.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                return context.ValueOrThrow(await context.QueryAsync<ListSuppliers, IReadOnlyList<SupplierView>>(
                    new ListSuppliers(context.GetArgument<bool?>("active"))));
            });
    }
}
