using EcomErp.Admin;
using EcomErp.Api.GraphQL;
using EcomErp.Api.Hosting;
using EcomErp.Api.Security;
using EcomErp.Application;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;

if (await SchemaDocument.PrintIfRequestedAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
var roles = HostRoles.FromConfiguration(builder.Configuration);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddEcomErpHost(builder.Configuration, roles);
builder.Services.AddDemoApiClientSeeding();
if (roles.Api)
{
    builder.Services.AddErpGraphQL(builder.Configuration);
}

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();
if (await app.Services.RunReadModelRebuildIfRequestedAsync(args))
{
    return;
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

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
