using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Access;

public sealed class ApiClientTests
{
    private static Result<(ApiClient Client, string PlainKey)> Issue(
        string name = "Zalando connector", string[]? scopes = null, string[]? channels = null, Actor? actor = null, string[]? roles = null) =>
        ApiClient.Issue(name, scopes ?? [ApiScopes.OrdersWrite], roles ?? [], (channels ?? []).Select(ChannelCode.Of), actor ?? Actors.Admin, Clock.Now);

    [Fact]
    public void Issue_ByAnAdmin_KeepsOnlyAHashOfTheKeyItReturnsOnce()
    {
        var (client, plainKey) = Issue().Value;

        Assert.StartsWith(ApiClient.KeyMarker + client.KeyPrefix + "_", plainKey);
        Assert.Equal(ApiClient.HashLength, client.KeyHash.Length);
        Assert.DoesNotContain(plainKey, client.KeyHash);
        Assert.Equal((Actors.Admin.Id, Clock.Now, true), (client.CreatedBy, client.CreatedAt, client.IsActive));
    }

    [Fact]
    public void Verify_AcceptsTheIssuedKeyAndRefusesAnyOther()
    {
        var (client, plainKey) = Issue().Value;

        Assert.True(client.Verify(plainKey));
        Assert.False(client.Verify(plainKey + "x"));
    }

    [Fact]
    public void PrefixOf_TheIssuedKey_FindsTheClientsPrefix()
    {
        var (client, plainKey) = Issue().Value;

        Assert.Equal(client.KeyPrefix, ApiClient.PrefixOf(plainKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("eck_short_x")]
    [InlineData("eck_0123456789ab")]
    public void PrefixOf_AKeyWithoutTheShapeOfOne_IsNull(string? presentedKey)
    {
        Assert.Null(ApiClient.PrefixOf(presentedKey));
    }

    [Fact]
    public void Issue_ByAnActorWhoIsNotAnAdmin_IsNotPermitted()
    {
        ResultAssert.FailsWith(Issue(actor: Actors.Operations), CommonErrors.NotPermitted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Issue_WithoutAName_IsRefusedOnTheNameField(string name)
    {
        ResultAssert.FailsWith(Issue(name: name), ApiClientErrors.NameInvalid, "name");
    }

    [Fact]
    public void Issue_WithoutScopes_IsRefusedOnTheScopesField()
    {
        ResultAssert.FailsWith(Issue(scopes: []), ApiClientErrors.ScopesRequired, "scopes");
    }

    [Fact]
    public void Issue_WithAnUnknownScope_IsRefusedOnTheScopesField()
    {
        ResultAssert.FailsWith(Issue(scopes: [ApiScopes.OrdersRead, "orders:delete"]), ApiClientErrors.ScopeUnknown, "scopes");
    }

    [Fact]
    public void Issue_TrimsAndDeduplicatesScopes()
    {
        var (client, _) = Issue(scopes: [" orders:read ", "orders:read", "inventory:read"]).Value;

        Assert.Equal([ApiScopes.OrdersRead, ApiScopes.InventoryRead], client.Scopes);
        Assert.True(client.HasScope(ApiScopes.InventoryRead));
        Assert.False(client.HasScope(ApiScopes.OrdersWrite));
    }

    [Fact]
    public void MaySee_ForAClientRestrictedToChannels_IsTrueOnlyForThoseChannels()
    {
        var (client, _) = Issue(channels: ["mkt-zalando"]).Value;

        Assert.True(client.MaySee(ChannelCode.Of("MKT-ZALANDO")));
        Assert.False(client.MaySee(ChannelCode.Of("WEB")));
    }

    [Fact]
    public void MaySee_ForAClientWithoutChannelRestriction_IsTrueForEveryChannel()
    {
        var (client, _) = Issue().Value;

        Assert.True(client.MaySee(ChannelCode.Of("WEB")));
    }

    [Fact]
    public void Revoke_ByAnAdmin_RecordsWhoAndWhenAndTheKeyStopsWorking()
    {
        var (client, plainKey) = Issue().Value;

        ResultAssert.Succeeded(client.Revoke(Actors.Admin, Clock.Now));

        Assert.Equal((false, (DateTimeOffset?)Clock.Now, Actors.Admin.Id), (client.IsActive, client.RevokedAt, client.RevokedBy));
        Assert.False(client.Verify(plainKey));
    }

    [Fact]
    public void Revoke_Twice_IsRefused()
    {
        var (client, _) = Issue().Value;
        client.Revoke(Actors.Admin, Clock.Now);

        ResultAssert.FailsWith(client.Revoke(Actors.Admin, Clock.Now), ApiClientErrors.AlreadyRevoked);
    }

    [Fact]
    public void Revoke_ByAnActorWhoIsNotAnAdmin_IsNotPermittedAndKeepsTheClientActive()
    {
        var (client, _) = Issue().Value;

        ResultAssert.FailsWith(client.Revoke(Actors.Finance, Clock.Now), CommonErrors.NotPermitted);

        Assert.True(client.IsActive);
    }

    [Fact]
    public void Issue_WithGrantedRoles_KeepsThemTrimmedAndOnce()
    {
        var (client, _) = Issue(roles: [" Finance ", Roles.Finance, Roles.WarehouseManager]).Value;

        Assert.Equal([Roles.Finance, Roles.WarehouseManager], client.Roles);
    }

    [Fact]
    public void Issue_WithoutRoles_GrantsNone()
    {
        var (client, _) = Issue().Value;

        Assert.Empty(client.Roles);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.System)]
    public void Issue_GrantingAdminOrSystem_IsRefusedOnTheRolesField_ForAnApiClientIsNeverAnAdministrator(string role)
    {
        ResultAssert.FailsWith(Issue(roles: [Roles.Finance, role]), ApiClientErrors.RoleNotGrantable, "roles");
    }

    [Theory]
    [InlineData("Accountant")]
    [InlineData("finance")]
    [InlineData("")]
    public void Issue_GrantingARoleThatDoesNotExist_IsRefusedOnTheRolesField(string role)
    {
        ResultAssert.FailsWith(Issue(roles: [role]), ApiClientErrors.RoleUnknown, "roles");
    }

    [Fact]
    public void GrantableRoles_AreEveryAssignableRoleButAdmin()
    {
        Assert.Equal(Roles.Assignable.Where(r => r != Roles.Admin), ApiClient.GrantableRoles);
    }

    [Fact]
    public void ChangeAccess_ByAnAdmin_ReplacesScopesRolesAndChannels()
    {
        var (client, _) = Issue(roles: [Roles.CustomerService], channels: ["WEB"]).Value;

        ResultAssert.Succeeded(client.ChangeAccess([ApiScopes.OrdersRead], [Roles.Finance], [], Actors.Admin));

        Assert.Equal([ApiScopes.OrdersRead], client.Scopes);
        Assert.Equal([Roles.Finance], client.Roles);
        Assert.Empty(client.Channels);
    }

    [Fact]
    public void ChangeAccess_GrantingAdmin_IsRefusedAndKeepsTheRolesItHad()
    {
        var (client, _) = Issue(roles: [Roles.Finance]).Value;

        ResultAssert.FailsWith(client.ChangeAccess([ApiScopes.OrdersWrite], [Roles.Admin], [], Actors.Admin), ApiClientErrors.RoleNotGrantable, "roles");

        Assert.Equal([Roles.Finance], client.Roles);
    }

    [Fact]
    public void ChangeAccess_ByAnActorWhoIsNotAnAdmin_IsNotPermittedAndGrantsNothing()
    {
        var (client, _) = Issue().Value;

        ResultAssert.FailsWith(client.ChangeAccess([ApiScopes.OrdersWrite], [Roles.Finance], [], Actors.Finance), CommonErrors.NotPermitted);

        Assert.Empty(client.Roles);
    }
}
