using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.ChangeApiClientAccess;
using EcomErp.Application.Access.GetApiCaller;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.ListApiClients;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Tests.Access;

/// <summary>Business roles granted to API clients, issued and changed through the commands the admin page sends, on the real SQLite file.</summary>
public sealed class ApiClientRoleTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(new ErpTestHostOptions { SeedDemoData = false });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IssuedApiClient> IssueAsync(string name, string[] scopes, string[] roles)
    {
        var issued = await _host.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(Actors.Admin, name, scopes, [], roles));
        Assert.True(issued.IsSuccess, string.Join("; ", issued.Errors));
        return issued.Value;
    }

    private async Task<ApiCaller> AuthenticateAsync(string key) =>
        (await _host.QueryAsync<AuthenticateApiClient, ApiCaller>(new AuthenticateApiClient(key))).Value;

    private async Task<IReadOnlyList<ApiClientSummary>> ListAsync() =>
        (await _host.QueryAsync<ListApiClients, IReadOnlyList<ApiClientSummary>>(new ListApiClients())).Value;

    [Fact]
    public async Task Issue_WithTheFinanceRole_IsListedWithIt_AndItsKeyActsAsFinanceBesideWhatItsScopesGrant()
    {
        var issued = await IssueAsync("ERP finance connector", [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], [Roles.Finance]);

        var listed = Assert.Single(await ListAsync(), c => c.Id == issued.ClientId);
        var actor = (await AuthenticateAsync(issued.PlainKey)).ToActor();

        Assert.Equal([Roles.Finance], listed.Roles);
        Assert.True(actor.IsInRole(Roles.Finance));
        Assert.True(actor.IsInRole(Roles.CustomerService), "orders:write still grants what it granted before roles existed");
        Assert.False(actor.MayActAs(Roles.Admin));
    }

    [Fact]
    public async Task Issue_WithoutRoles_ActsOnlyInTheRolesItsScopesGrant()
    {
        var issued = await IssueAsync("Web shop", [ApiScopes.OrdersWrite], []);

        var actor = (await AuthenticateAsync(issued.PlainKey)).ToActor();

        Assert.Equal([Roles.CustomerService], actor.Roles);
        Assert.False(actor.MayActAs(Roles.Finance));
    }

    [Fact]
    public async Task Issue_GrantingAdmin_IsRefusedOnTheRolesField_AndIssuesNothing()
    {
        var refused = await _host.SendAsync<IssueApiClient, IssuedApiClient>(
            new IssueApiClient(Actors.Admin, "Would-be admin", [ApiScopes.OrdersRead], [], [Roles.Admin]));

        Assert.Equal((ApiClientErrors.RoleNotGrantable, "roles"), (refused.Error.Code, refused.Error.Field));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task ChangeAccess_ReplacesTheGrantedRoles_AndTheKeyActsInTheNewOnesAtOnce()
    {
        var issued = await IssueAsync("Warehouse connector", [ApiScopes.OrdersRead], [Roles.WarehouseManager]);

        var changed = await _host.SendAsync<ChangeApiClientAccess, Guid>(
            new ChangeApiClientAccess(Actors.Admin, issued.ClientId, [ApiScopes.OrdersRead], [], [Roles.Finance]));

        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));
        var caller = await AuthenticateAsync(issued.PlainKey);
        Assert.Equal([Roles.Finance], caller.Roles);
        Assert.Equal([Roles.Finance], caller.ToActor().Roles);
        Assert.Equal([Roles.Finance], Assert.Single(await ListAsync()).Roles);
    }

    [Fact]
    public async Task ChangeAccess_WithAnUnknownRole_IsRefusedOnTheRolesField_AndKeepsTheRolesItHad()
    {
        var issued = await IssueAsync("Finance connector", [ApiScopes.OrdersRead], [Roles.Finance]);

        var refused = await _host.SendAsync<ChangeApiClientAccess, Guid>(
            new ChangeApiClientAccess(Actors.Admin, issued.ClientId, [ApiScopes.OrdersRead], [], ["Accountant"]));

        Assert.Equal((ApiClientErrors.RoleUnknown, "roles"), (refused.Error.Code, refused.Error.Field));
        Assert.Equal([Roles.Finance], (await AuthenticateAsync(issued.PlainKey)).Roles);
    }

    [Fact]
    public async Task ChangeAccess_ByAPersonWhoIsNotAnAdmin_IsNotPermitted_AndGrantsNothing()
    {
        var issued = await IssueAsync("Shop", [ApiScopes.OrdersRead], []);

        var refused = await _host.SendAsync<ChangeApiClientAccess, Guid>(
            new ChangeApiClientAccess(Actors.Finance, issued.ClientId, [ApiScopes.OrdersRead], [], [Roles.Finance]));

        Assert.Equal(CommonErrors.NotPermitted, refused.Error.Code);
        Assert.Empty((await AuthenticateAsync(issued.PlainKey)).Roles);
    }

    [Fact]
    public async Task ChangeAccess_OfTheRolesAlone_IsAChangeOfGrants_SoAnOpenSocketsRecheckClosesIt()
    {
        var issued = await IssueAsync("Finance connector", [ApiScopes.OrdersRead], [Roles.Finance]);
        var granted = await AuthenticateAsync(issued.PlainKey);

        await _host.SendAsync<ChangeApiClientAccess, Guid>(new ChangeApiClientAccess(Actors.Admin, issued.ClientId, [ApiScopes.OrdersRead], [], []));
        var current = (await _host.QueryAsync<GetApiCaller, ApiCaller>(new GetApiCaller(issued.ClientId))).Value;

        Assert.Equal(granted.Scopes, current.Scopes);
        Assert.False(granted.GrantsTheSameAs(current));
    }

    [Theory]
    [InlineData("orders:read orders:write|WEB B2B|Finance", true)]
    [InlineData("orders:read|WEB B2B|Finance", false)]
    [InlineData("orders:read orders:write|WEB|Finance", false)]
    [InlineData("orders:read orders:write|WEB B2B|", false)]
    [InlineData("orders:read orders:read|WEB B2B|Finance", false)]
    [InlineData("orders:read inventory:read|WEB B2B|Finance", false)]
    public void GrantsTheSameAs_ComparesScopesChannelsAndRolesAsSets_InAnyOrder(string other, bool same)
    {
        var granted = new ApiCaller(Guid.Empty, "Shop", ["orders:write", "orders:read"], ["B2B", "WEB"], ["Finance"]);
        var parts = other.Split('|').Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

        Assert.Equal(same, granted.GrantsTheSameAs(new ApiCaller(Guid.Empty, "Shop", parts[0], parts[1], parts[2])));
        Assert.False(granted.GrantsTheSameAs(new ApiCaller(Guid.NewGuid(), "Shop", parts[0], parts[1], parts[2])));
    }
}
