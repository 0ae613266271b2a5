using System.Security.Claims;
using EcomErp.Api.GraphQL;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Application;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The real schema's <see cref="GraphQLOperationExecutor"/> on a throw-away SQLite file, run the way both transports run it
/// (<see cref="GraphQLOperationExecutor.Prepare"/>, then <see cref="GraphQLOperationExecutor.ExecuteAsync"/>) for an anonymous
/// caller: a document that passes validation stops at authorization, never in the store.
/// </summary>
internal sealed class AnonymousGraphQLExecutor : IDisposable
{
    private readonly ServiceProvider services;
    private readonly IServiceScope scope;
    private readonly GraphQLOperationExecutor executor;
    private readonly ClaimsPrincipal anonymous = new(new ClaimsIdentity());

    /// <param name="validatedDocumentCacheSize"><see cref="GraphQLTransportOptions.ValidatedDocumentCacheSize"/>; 0 measures every document as if seen for the first time.</param>
    public AnonymousGraphQLExecutor(int validatedDocumentCacheSize)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecomerp-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "erp.db")}",
            [$"{GraphQLTransportOptions.SectionName}:{nameof(GraphQLTransportOptions.ValidatedDocumentCacheSize)}"] = $"{validatedDocumentCacheSize}",
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddApplication();
        collection.AddInfrastructure(configuration);
        collection.AddErpGraphQL(configuration);
        services = collection.BuildServiceProvider();
        scope = services.CreateScope();
        executor = services.GetRequiredService<GraphQLOperationExecutor>();
    }

    /// <summary>Runs <paramref name="request"/> and returns its first error's code (null when it answered without error).</summary>
    public async Task<string?> RunAsync(GraphQLOperationRequest request)
    {
        var operation = executor.Prepare(request);
        var result = await executor.ExecuteAsync(operation, anonymous, scope.ServiceProvider, "benchmark", CancellationToken.None);
        return result.Errors?[0].Code;
    }

    public void Dispose()
    {
        scope.Dispose();
        services.Dispose();
    }
}
