using EcomErp.Admin;
using EcomErp.Api.GraphQL;
using EcomErp.Api.Hosting;
using EcomErp.Api.Security;
using EcomErp.Application;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Options;

if (await SchemaDocument.PrintIfRequestedAsync(args))
{
    return 0;
}

WebApplication app;
HostRoles roles;
try
{
    ConfigurationFileWatch.PollUnlessTheOperatorChose();
    var builder = WebApplication.CreateBuilder(args);
    roles = HostRoles.FromConfiguration(builder.Configuration);

    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddEcomErpHost(builder.Configuration, roles);
    builder.Services.AddDemoApiClientSeeding();
    if (roles.Api)
    {
        builder.Services.AddErpGraphQL(builder.Configuration);
    }

    app = builder.Build();
    // The host runs these checks again when it starts; run before the database is migrated or seeded, a host refused
    // for its configuration has changed nothing.
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception error) when (ConfigurationFailure.Problems(error) is { } problems)
{
    return ConfigurationFailure.Report(problems, Console.Error);
}

await app.Services.InitializeDatabaseAsync();
if (await app.Services.RunReadModelRebuildIfRequestedAsync(args))
{
    return 0;
}

if (roles.Admin)
{
    await app.Services.SeedAdminIdentityAsync();
    if (app.Services.GetRequiredService<DatabaseOptions>().SeedDemoData)
    {
        await app.Services.SeedDemoApiClientAsync();
        await app.Services.SeedDemoExceptionOrdersAsync(app.Configuration);
    }
}

app.UseEcomErpHost(roles);
if (roles.Api)
{
    app.MapErpGraphQL();
}
await app.RunAsync();
return 0;

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
