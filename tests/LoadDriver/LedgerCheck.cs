using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.LoadDriver;

/// <summary>
/// Runs the Application's VerifyLedger query on the host's SQLite file after the run. The API does not expose the query, so
/// the driver composes the write side itself (no migration, no seeding: it only reads).
/// </summary>
public static class LedgerCheck
{
    public static async Task<(int BalancesChecked, int Mismatches)> RunAsync(string databaseFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(databaseFile))
            throw new FileNotFoundException($"--database: no SQLite file at {databaseFile}.", databaseFile);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.GetFullPath(databaseFile)}",
            [DatabaseOptions.SeedDemoDataKey] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var verify = scope.ServiceProvider.GetRequiredService<IQueryHandler<VerifyLedger, LedgerVerificationReport>>();
        var report = await verify.HandleAsync(new VerifyLedger(), cancellationToken);
        if (report.IsFailure)
            throw new InvalidOperationException($"VerifyLedger failed: {report.Error}");
        foreach (var mismatch in report.Value.Mismatches.Take(5))
            Console.Error.WriteLine($"ledger mismatch: {mismatch}");
        return (report.Value.BalancesChecked, report.Value.Mismatches.Count);
    }
}
