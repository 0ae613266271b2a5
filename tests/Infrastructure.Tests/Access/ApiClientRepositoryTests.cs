using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Tests.ReadModels;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Access;

public sealed class ApiClientRepositoryTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-1", "Ada Admin", [Roles.Admin]);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnIssuedClient_IsFoundByItsKeyPrefix_WithItsScopesAndChannels_AndARevocationIsSaved()
    {
        var (client, key) = ApiClient.Issue("Zalando feed", [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], [], [ChannelCode.Of("MKT-ZALANDO")],
            Admin, _host.Time.GetUtcNow()).Value;
        await SaveAsync(repository => repository.Add(client));

        var found = await _host.InScopeAsync(sp => sp.GetRequiredService<IApiClientRepository>().FindByPrefixAsync(ApiClient.PrefixOf(key)!, CancellationToken.None));
        Assert.NotNull(found);
        Assert.True(found.Verify(key));
        Assert.Equal([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], found.Scopes);
        Assert.Equal(["MKT-ZALANDO"], found.Channels);

        await _host.InScopeAsync(async sp =>
        {
            var tracked = await sp.GetRequiredService<IApiClientRepository>().GetAsync(client.Id, CancellationToken.None);
            Assert.True(tracked!.Revoke(Admin, _host.Time.GetUtcNow()).IsSuccess);
            return await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        });
        var listed = await _host.InScopeAsync(sp => sp.GetRequiredService<IApiClientRepository>().ListAsync(CancellationToken.None));
        Assert.False(Assert.Single(listed).IsActive);
    }

    private Task<Result> SaveAsync(Action<IApiClientRepository> change) => _host.InScopeAsync(async sp =>
    {
        change(sp.GetRequiredService<IApiClientRepository>());
        var saved = await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        Assert.True(saved.IsSuccess);
        return saved;
    });
}
