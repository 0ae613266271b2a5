using EcomErp.Api.GraphQL.Allocation;
using EcomErp.Api.GraphQL.Catalog;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Audit;
using EcomErp.Api.GraphQL.Exceptions;
using EcomErp.Api.GraphQL.Finance;
using EcomErp.Api.GraphQL.Inventory;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Api.GraphQL.Outbox;
using EcomErp.Api.GraphQL.Policies;
using EcomErp.Api.GraphQL.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL;

/// <summary>
/// The public GraphQL schema. Root types are assembled from the features (Orders, Catalog, ...), each
/// adding its own fields, so a feature's API lives beside its types.
/// </summary>
public sealed class ErpSchema : Schema
{
    public ErpSchema(IServiceProvider services) : base(services)
    {
        Description = "EcomErp: one order workflow and one inventory ledger for every channel.";
        StandardIntrospection.EnableFeatures(this);
        Query = new ErpQuery();
        Mutation = new ErpMutation();
        Subscription = new ErpSubscription();
        // One decimal scalar for the whole schema: amounts as strings, never binary floats.
        RegisterTypeMapping(typeof(decimal), typeof(DecimalScalar));
        PartnerScope.RefuseUnopenedFields(Query);
        PartnerScope.RefuseUnopenedFields(Mutation);
        PartnerScope.RefuseUnopenedFields(Subscription);
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        StandardIntrospection.Complete(graphType);
    }
}

public sealed class ErpQuery : ObjectGraphType
{
    public ErpQuery()
    {
        Name = "Query";
        Description = "Reads. Every query is served from read models.";
        NodeQueries.AddTo(this);
        OrderQueries.AddTo(this);
        SkuQueries.AddTo(this);
        ChannelQueries.AddTo(this);
        LocationQueries.AddTo(this);
        SupplierQueries.AddTo(this);
        InventoryQueries.AddTo(this);
        AllocationQueries.AddTo(this);
        InventoryLedgerQueries.AddTo(this);
        PurchaseOrderQueries.AddTo(this);
        ReturnQueries.AddTo(this);
        ReturnKpiQueries.AddTo(this);
        ExceptionCaseQueries.AddTo(this);
        PolicyQueries.AddTo(this);
        AuditLogQueries.AddTo(this);
        ParkedEventQueries.AddTo(this);
        JournalQueries.AddTo(this);
        FinanceQueries.AddTo(this);
    }
}

public sealed class ErpMutation : ObjectGraphType
{
    public ErpMutation()
    {
        Name = "Mutation";
        Description = "Commands. Expected business failures come back in each payload's userErrors.";
        OrderMutations.AddTo(this);
        InventoryMutations.AddTo(this);
        ReturnMutations.AddTo(this);
        ExceptionCaseMutations.AddTo(this);
        PolicyMutations.AddTo(this);
        ParkedEventMutations.AddTo(this);
        ChannelPolicyMutations.AddTo(this);
        ChannelMutations.AddTo(this);
    }
}

public sealed class ErpSubscription : ObjectGraphType
{
    public ErpSubscription()
    {
        Name = "Subscription";
        Description = "Live updates over WebSocket (graphql-transport-ws).";
        OrderSubscriptions.AddTo(this);
        InventorySubscriptions.AddTo(this);
        ExceptionCaseSubscriptions.AddTo(this);
        ReturnSubscriptions.AddTo(this);
    }
}

public static class ErpSchemaRegistration
{
    /// <summary>Registers the schema and every graph type of this assembly.</summary>
    public static IServiceCollection AddErpSchema(this IServiceCollection services)
    {
        services.AddGraphQL(builder => builder
            .AddSchema<ErpSchema>()
            .AddGraphTypes(typeof(ErpSchema).Assembly));
        services.AddNodeResolvers();
        return services;
    }
}
