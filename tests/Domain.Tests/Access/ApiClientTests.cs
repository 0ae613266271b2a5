using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Access;

public sealed class ApiClientTests
{
    private static Result<(ApiClient Client, string PlainKey)> Issue(
        string name = "Zalando connector", string[]? scopes = null, string[]? channels = null, Actor? actor = null) =>
        ApiClient.Issue(name, scopes ?? [ApiScopes.OrdersWrite], (channels ?? []).Select(ChannelCode.Of), actor ?? Actors.Admin, Clock.Now);

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
}
