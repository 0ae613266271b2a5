using EcomErp.Admin.Identity;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.ListApiClients;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Security;

/// <summary>
/// For the embedded demo only: when there is no API client yet, issues one with every scope and every role an API client
/// can be granted, so a person can take an order from capture to completion through the API at once. Its key goes to a file readable by the owner only, next to the admin's password.
/// </summary>
internal sealed partial class DemoApiClientSeeder(
    IQueryHandler<ListApiClients, IReadOnlyList<ApiClientSummary>> list,
    ICommandHandler<IssueApiClient, IssuedApiClient> issue,
    IOptions<AdminBootstrapOptions> directory,
    ISecretFiles secretFiles,
    ILogger<DemoApiClientSeeder> logger)
{
    public const string KeyFileName = "demo-api-key.txt";
    public const string ClientName = "Demo integration";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await list.HandleAsync(new ListApiClients(), cancellationToken);
        if (existing.IsFailure || existing.Value.Count > 0)
            return;
        var issued = await issue.HandleAsync(new IssueApiClient(Actor.System, ClientName, ApiScopes.All, [], ApiClient.GrantableRoles), cancellationToken);
        if (issued.IsFailure)
            throw new InvalidOperationException($"Could not issue the demo API client: {issued.Error}");
        var path = await secretFiles.WriteAsync(directory.Value.InitialPasswordDirectory, KeyFileName, issued.Value.PlainKey, cancellationToken);
        LogIssued(logger, ClientName, path);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issued the API client '{Client}' for the demo; its key is in {KeyFile} (readable by the owner only).")]
    private static partial void LogIssued(ILogger logger, string client, string keyFile);
}

public static class DemoApiClientSeeding
{
    public static IServiceCollection AddDemoApiClientSeeding(this IServiceCollection services)
    {
        services.AddScoped<DemoApiClientSeeder>();
        services.AddScoped<Hosting.DemoExceptionOrders>();
        services.AddScoped<Hosting.DemoOrders>();
        services.AddScoped<Hosting.DemoReturns>();
        return services;
    }

    public static async Task SeedDemoApiClientAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoApiClientSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>The demo orders that raise exception cases, the orders in every workflow state and the returns in every return state, unless <see cref="Hosting.DemoExceptionOrders.SettingKey"/> is false.</summary>
    public static async Task SeedDemoExceptionOrdersAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue(Hosting.DemoExceptionOrders.SettingKey, true))
            return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Hosting.DemoExceptionOrders>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Hosting.DemoOrders>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Hosting.DemoReturns>().SeedAsync(cancellationToken);
    }
}
