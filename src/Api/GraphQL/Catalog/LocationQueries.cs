using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class LocationKindType() : DescribedEnumType<LocationKind>("LocationKind", "What kind of place a location is.",
    new Dictionary<LocationKind, string>
    {
        [LocationKind.Warehouse] = "A warehouse of the business.",
        [LocationKind.Store] = "A store of the business that keeps stock.",
        [LocationKind.ThirdPartyLogistics] = "A third-party logistics provider's warehouse.",
        [LocationKind.DropShipSupplier] = "A supplier that ships to customers directly.",
    });

/// <summary>Where stock is kept; shipping costs, carrier capacity and priority are the business's own and not in the API.</summary>
public sealed class LocationType : ObjectGraphType<LocationView>
{
    public LocationType()
    {
        Name = "Location";
        Description = "A place stock is kept and shipped from.";
        Field(l => l.Code).Description("Location code, e.g. WH-BERLIN.");
        Field(l => l.Name).Description("Display name.");
        Field<NonNullGraphType<LocationKindType>>("kind").Description("What kind of place it is.").Resolve(c => c.Source.Kind);
        Field(l => l.Region).Description("Ship-from region: an ISO country code such as DE, or a named zone.");
        Field("active", l => l.IsActive).Description("False when nothing ships from it.");
    }
}

public static class LocationQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationType>>>>("locations")
            .Description("The locations the caller may see, by code: every one, or for a key restricted to channels those its channels ship "
                + $"from (eligible or alternate). {CatalogAccess.ScopeText}")
            // Answers with the locations of the caller's channels only.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCatalogScope();
                return context.ValueOrThrow(await context.QueryAsync<ListLocations, IReadOnlyList<LocationView>>(new ListLocations(caller.VisibleChannels())));
            });
    }
}
