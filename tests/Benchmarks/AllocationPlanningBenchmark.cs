using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Benchmarks;

/// <summary>
/// The allocation planner's batch: 100,000 orders over 10,000 SKUs × 10 locations (8 primary, a 3PL and a
/// drop-ship supplier), three channel policies, demand skewed toward popular SKUs (Zipf), stock deeper for
/// them. Each iteration plans every order on a fresh copy of the snapshot (the copy is not measured).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortMonitoringConfig))]
public class AllocationPlanningBenchmark
{
    public const int Orders = 100_000;
    public const int SkuCount = 10_000;
    private const int Seed = 20_261_127;

    private static readonly string[] Regions = ["DE", "FR", "PL", "NL", "ES", "IT", "SE", "AT"];

    private StockSnapshot _initial = null!;
    private StockSnapshot _stock = null!;
    private AllocationRequest[] _orders = [];
    private Dictionary<ChannelCode, AllocationPolicy> _policies = [];
    private readonly AllocationPlanner _planner = new();

    /// <summary>Single: one line per order; Mixed: 1–5 lines (50/25/12/8/5 %); Five: five lines per order.</summary>
    [Params("Single", "Mixed", "Five")]
    public string Lines { get; set; } = "Mixed";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        var skus = Enumerable.Range(0, SkuCount).Select(i => SkuCode.Of($"SKU-{i:D5}")).ToArray();
        var locations = new List<AllocationLocation>();
        for (var i = 0; i < 8; i++)
            locations.Add(new AllocationLocation(LocationCode.Of($"WH-{Regions[i]}"), i < 6 ? LocationKind.Warehouse : LocationKind.Store,
                Regions[i], Priority: i % 3, ShipmentCostMinor: 450 + 50 * i, ExpediteCostMinor: 900 + 100 * i));
        locations.Add(new AllocationLocation(LocationCode.Of("3PL-CENTRAL"), LocationKind.ThirdPartyLogistics, "DE", 5, 700, 1_500));
        locations.Add(new AllocationLocation(LocationCode.Of("DROP-ACME"), LocationKind.DropShipSupplier, "NL", 9, 900, 2_000));
        var substitutes = new Dictionary<SkuCode, IReadOnlyList<SkuCode>>();
        for (var i = 0; i < SkuCount; i += 5)
            substitutes[skus[i]] = [skus[(i + 1) % SkuCount], skus[(i + 2) % SkuCount]];
        var network = AllocationNetwork.Create(skus, locations, Currency.Of("EUR"), substitutes).Value;

        _initial = network.CreateSnapshot();
        for (var s = 0; s < SkuCount; s++)
        {
            // Popular SKUs (low ids under the Zipf draw below) are stocked deeper; a fifth of the balances are empty.
            var depth = 4 + 4_000 / (s + 10);
            for (var l = 0; l < network.LocationCount; l++)
            {
                var available = random.Next(5) == 0 ? 0 : random.Next(depth);
                _initial.SetById(s, l, available, safetyStock: random.Next(3));
            }
        }

        var eligible = locations.Take(8).Select(l => l.Code).ToArray();
        AllocationLocation[] alternates = [locations[8], locations[9]];
        _policies = new Dictionary<ChannelCode, AllocationPolicy>
        {
            [ChannelCode.Of("WEB")] = new(ChannelCode.Of("WEB"), eligible, ChannelPolicy.DefaultRuleOrder, SplitAllowed: true,
                BackorderAllowed: true, SubstitutionAllowed: true, [.. alternates.Select(l => l.Code)], OrderPriority.Urgent),
            [ChannelCode.Of("MKT")] = new(ChannelCode.Of("MKT"), eligible[..5],
                [AllocationRule.ShipToRegion, AllocationRule.OneShipment, AllocationRule.StockDepth], SplitAllowed: false, BackorderAllowed: false),
            [ChannelCode.Of("B2B")] = new(ChannelCode.Of("B2B"), eligible[2..], [AllocationRule.LocationPriority, AllocationRule.StockDepth],
                SplitAllowed: true, BackorderAllowed: true, AlternateLocations: [alternates[0].Code]),
        };
        ChannelCode[] channels = [ChannelCode.Of("WEB"), ChannelCode.Of("WEB"), ChannelCode.Of("WEB"), ChannelCode.Of("MKT"), ChannelCode.Of("B2B")];

        var zipf = ZipfCumulative(SkuCount, exponent: 1.05);
        var opening = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        _orders = new AllocationRequest[Orders];
        for (var o = 0; o < Orders; o++)
        {
            var lineCount = Lines switch { "Single" => 1, "Five" => 5, _ => MixedLineCount(random.NextDouble()) };
            var lines = new AllocationRequestLine[lineCount];
            for (var l = 0; l < lineCount; l++)
            {
                SkuCode sku;
                do
                    sku = skus[Draw(zipf, random.NextDouble())];
                while (lines.AsSpan(0, l).ToArray().Any(line => line.Sku == sku));
                lines[l] = new AllocationRequestLine(l + 1, sku, random.Next(10) < 8 ? 1 : random.Next(2, 6));
            }
            var roll = random.Next(100);
            _orders[o] = new AllocationRequest(OrderId.New(), channels[random.Next(channels.Length)], lines, Regions[random.Next(Regions.Length)], null,
                roll < 80 ? ServiceLevel.Standard : roll < 95 ? ServiceLevel.Express : ServiceLevel.NextDay,
                roll % 20 == 0 ? OrderPriority.Urgent : roll % 10 == 0 ? OrderPriority.High : OrderPriority.Normal,
                opening.AddSeconds(o));
        }
    }

    [IterationSetup]
    public void CopySnapshot() => _stock = _initial.Clone();

    [Benchmark(Description = "PlanBatch, 100,000 orders")]
    public int PlanBatch()
    {
        var batch = _planner.PlanBatch(_orders, _policies, _stock);
        if (batch.Rejected.Count > 0)
            throw new InvalidOperationException($"Refused: {batch.Rejected[0].Errors[0]}");
        return batch.Plans.Count;
    }

    private static int MixedLineCount(double u) => u switch { < 0.50 => 1, < 0.75 => 2, < 0.87 => 3, < 0.95 => 4, _ => 5 };

    private static double[] ZipfCumulative(int n, double exponent)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            cumulative[i] = sum += 1.0 / Math.Pow(i + 1, exponent);
        for (var i = 0; i < n; i++)
            cumulative[i] /= sum;
        return cumulative;
    }

    private static int Draw(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private sealed class ShortMonitoringConfig : ManualConfig
    {
        // Monitoring: each iteration is one whole batch on a fresh snapshot copy (iteration setup needs one invocation).
        public ShortMonitoringConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6)
            .WithInvocationCount(1).WithUnrollFactor(1));
    }
}
