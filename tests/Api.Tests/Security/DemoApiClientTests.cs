using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.ListApiClients;
using EcomErp.Domain.Access;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

public sealed class DemoApiClientTests
{
    private static async Task<HttpStatusCode> QueryAsync(EcomErpHostFactory factory, string? key)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ skus(first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task EmbeddedDemo_IssuesOneApiKey_IntoAnOwnerOnlyFile_AndItOpensTheApi()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
        _ = factory.Server;
        var path = Path.Combine(factory.DataDirectory, "demo-api-key.txt");

        var key = (await File.ReadAllTextAsync(path)).Trim();

        Assert.StartsWith("eck_", key, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(HttpStatusCode.OK, await QueryAsync(factory, key));
        Assert.Equal(HttpStatusCode.Unauthorized, await QueryAsync(factory, key[..^2] + "xx"));
        Assert.Equal(HttpStatusCode.Unauthorized, await QueryAsync(factory, null));
    }

    [Fact]
    public async Task EmbeddedDemo_TheKeyIsGrantedEveryRoleAnApiClientMayHold_SoItCanTakeAnOrderToCompletion()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();

        var clients = await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListApiClients, IReadOnlyList<ApiClientSummary>>>()
            .HandleAsync(new ListApiClients(), CancellationToken.None);

        var demo = Assert.Single(clients.Value);
        Assert.Equal(ApiClient.GrantableRoles.Order(StringComparer.Ordinal), demo.Roles.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Admin", demo.Roles);
    }

    [Fact]
    public void WithoutDemoData_NoKeyIsIssued()
    {
        using var factory = new EcomErpHostFactory();
        _ = factory.Server;

        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "demo-api-key.txt")));
    }
}
