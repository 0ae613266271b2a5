using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;
using EcomErp.Infrastructure.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Demo master data for the embedded default: an apparel brand with a web shop, two marketplaces and a
/// wholesale channel, three warehouses and 200 SKUs (8 styles × 5 sizes × 5 colours), with stock
/// (see <see cref="DemoStock"/>). Deterministic, and
/// idempotent: only what is missing is added.
/// </summary>
internal sealed class DemoDataSeeder(ErpDbContext db, TimeProvider timeProvider)
{
    private static readonly Currency Euro = Currency.Of("EUR");

    private static readonly (string Code, string Name, long PriceMinor, int WeightGrams)[] Styles =
    [
        ("TEE-CREW", "Crew-neck tee", 2_500, 180),
        ("TEE-VNECK", "V-neck tee", 2_700, 170),
        ("POLO-PIQUE", "Piqué polo", 4_500, 240),
        ("SWEAT-CREW", "Crew sweatshirt", 5_900, 480),
        ("HOODIE-ZIP", "Zip hoodie", 7_900, 620),
        ("JEANS-SLIM", "Slim jeans", 8_900, 650),
        ("CHINO-REG", "Regular chino", 6_900, 520),
        ("JACKET-DENIM", "Denim jacket", 12_900, 900),
    ];

    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL"];

    private static readonly (string Code, string Name)[] Colours =
        [("BLK", "Black"), ("WHT", "White"), ("NVY", "Navy"), ("GRY", "Grey"), ("OLV", "Olive")];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await AddMissingAsync(db.Channels, c => c.Code,
        [
            Channel.Create("WEB", "Web shop", ChannelKind.DirectToConsumer),
            Channel.Create("MKT-ZALANDO", "Zalando marketplace", ChannelKind.Marketplace),
            Channel.Create("MKT-AMAZON", "Amazon marketplace", ChannelKind.Marketplace),
            Channel.Create("WHOLESALE", "Wholesale portal", ChannelKind.Wholesale),
        ], cancellationToken);

        await AddMissingAsync(db.Locations, l => l.Code,
        [
            // Daily carrier pickups per service level (standard, express, next day): the faster contracts book fewer.
            Location.Create("WH-BERLIN", "Berlin warehouse", LocationKind.Warehouse, "DE", 1, new CarrierCapacity(2_000, 600, 200), new Money(450, Euro), new Money(900, Euro)),
            Location.Create("WH-ROTTERDAM", "Rotterdam warehouse", LocationKind.Warehouse, "NL", 2, new CarrierCapacity(1_500, 400, 150), new Money(480, Euro), new Money(950, Euro)),
            Location.Create("WH-LEEDS", "Leeds warehouse", LocationKind.Warehouse, "GB", 3, new CarrierCapacity(1_000, 300, 100), new Money(620, Euro), new Money(1_400, Euro)),
        ], cancellationToken);

        var now = timeProvider.GetUtcNow();
        await SetDemoChannelPoliciesAsync(now, cancellationToken);
        await AddMissingAsync(db.Skus, s => s.Code, Skus(now), cancellationToken);
        await SetDemoSubstitutesAsync(now, cancellationToken);

        await AddMissingAsync(db.Customers, c => c.Email,
        [
            Customer.Create("anna.schmidt@example.com", "Anna Schmidt"),
            Customer.Create("joris.devries@example.com", "Joris de Vries"),
            Customer.Create("emily.clarke@example.com", "Emily Clarke"),
            Customer.Create("buying@boutique-nord.example.com", "Boutique Nord GmbH", new Money(5_000_000, Euro)),
        ], cancellationToken);

        await AddMissingAsync(db.PolicyChanges, p => (p.Key, p.Scope),
            [.. PolicyKeys.All.Select(p => (Result<PolicyChange>)PolicyChange.FirstVersion(p, PolicyScope.Global, p.Default, "Demo seed: the default value.", Actor.SystemId, now))],
            cancellationToken);

        // The suppliers the demo purchase orders name (DemoStock), and a third for planners to order from.
        await AddMissingAsync(db.Set<Supplier>(), s => s.Code,
        [
            Supplier.Create("TEXTIL-PORTO", "Têxtil Porto Lda", 21, new SupplierContact("Rui Almeida", "orders@textil-porto.example.com", "+351 22 000 0000"), Actor.System, now),
            Supplier.Create("DENIM-IZMIR", "Izmir Denim A.Ş.", 35, new SupplierContact("Elif Kaya", "export@denim-izmir.example.com", "+90 232 000 0000"), Actor.System, now),
            Supplier.Create("KNIT-LISBOA", "Lisboa Knitwear", 28, SupplierContact.None, Actor.System, now),
        ], cancellationToken);

        // The carriers the demo orders ship with (DemoOrders names DHL); once any carrier is kept, a shipment needs an active one.
        // Tests that need a carrier of their own use codes that are not here (GLS, DPD, POSTNL).
        await AddMissingAsync(db.Set<Carrier>(), c => c.Code,
        [
            Carrier.Create("DHL", "DHL Parcel", [ServiceLevel.Standard, ServiceLevel.Express], "https://www.dhl.com/track?tracking-id={tracking}", Actor.System, now),
            Carrier.Create("UPS", "UPS", [ServiceLevel.Standard, ServiceLevel.Express, ServiceLevel.NextDay], "https://www.ups.com/track?tracknum={tracking}",
                Actor.System, now),
            Carrier.Create("KURIER-BERLIN", "Berlin same-day courier", [ServiceLevel.NextDay], null, Actor.System, now),
        ], cancellationToken);

        await DemoStock.SeedAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// The demo channels' explicit policies. A channel whose policy someone already set (version above 0) keeps it,
    /// so seeding again changes nothing.
    /// </summary>
    private async Task SetDemoChannelPoliciesAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        LocationCode[] all = [LocationCode.Of("WH-BERLIN"), LocationCode.Of("WH-ROTTERDAM"), LocationCode.Of("WH-LEEDS")];
        string[] everyRule = [.. ChannelPolicy.DefaultRuleOrder.Select(r => r.ToString())];
        var policies = new Dictionary<string, ChannelPolicyDraft>
        {
            ["WEB"] = new(all, [], true, true, true, everyRule, null, null, OrderPriority.Urgent, 48),
            ["MKT-ZALANDO"] = new(all[..2], [], false, false, false, everyRule, 80, null, null, 24),
            ["MKT-AMAZON"] = new(all, [], false, false, false, everyRule, 80, null, null, 24),
            ["WHOLESALE"] = new([all[1], all[0]], [], true, true, false,
                [nameof(AllocationRule.StockDepth), nameof(AllocationRule.LocationPriority), nameof(AllocationRule.OneShipment)], null, 500, null, 72),
        };
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Code, cancellationToken);
        var unset = await db.Channels.Where(c => c.Version == 0).ToListAsync(cancellationToken);
        foreach (var channel in unset.Where(c => policies.ContainsKey(c.Code.Value)))
        {
            var policy = ChannelPolicy.Create(policies[channel.Code.Value], locations);
            var set = policy.IsSuccess ? channel.SetPolicy(policy.Value, Actor.System, at) : Result.Failure(policy.Errors);
            if (set.IsFailure)
                throw new InvalidOperationException($"Demo channel policy of {channel.Code} is invalid: {set.Error}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A crew-neck tee may ship as the V-neck of the same size and colour, and back, where a channel permits it (the web shop does).</summary>
    private async Task SetDemoSubstitutesAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var tees = await db.Skus.Where(s => s.Style == "TEE-CREW" || s.Style == "TEE-VNECK").ToListAsync(cancellationToken);
        var byCode = tees.ToDictionary(s => s.Code.Value);
        foreach (var tee in tees.Where(t => t.Substitutes.Count == 0))
        {
            var twin = tee.Style == "TEE-CREW" ? tee.Code.Value.Replace("TEE-CREW-", "TEE-VNECK-", StringComparison.Ordinal)
                : tee.Code.Value.Replace("TEE-VNECK-", "TEE-CREW-", StringComparison.Ordinal);
            if (byCode.TryGetValue(twin, out var substitute) && tee.SetSubstitutes([substitute.Code], Actor.System, at).IsFailure)
                throw new InvalidOperationException($"Demo substitutes of {tee.Code} are invalid.");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IEnumerable<Result<Sku>> Skus(DateTimeOffset at) =>
        from style in Styles
        from size in Sizes
        from colour in Colours
        select Sku.Create($"{style.Code}-{size}-{colour.Code}", $"{style.Name} {colour.Name} {size}", style.Code, size, colour.Name,
            new Money(style.PriceMinor, Euro), new Money(style.PriceMinor * 2 / 5, Euro), style.WeightGrams, at);

    private async Task AddMissingAsync<TEntity, TKey>(DbSet<TEntity> set, Func<TEntity, TKey> keyOf, IEnumerable<Result<TEntity>> candidates,
        CancellationToken cancellationToken)
        where TEntity : class
        where TKey : notnull
    {
        var existing = (await set.AsNoTracking().ToListAsync(cancellationToken)).Select(keyOf).ToHashSet();
        foreach (var candidate in candidates)
        {
            // The seed is fixed data; a factory refusing it is a bug in this class.
            var entity = candidate.IsSuccess ? candidate.Value : throw new InvalidOperationException($"Demo data is invalid: {candidate.Error}");
            if (existing.Add(keyOf(entity)))
                set.Add(entity);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
