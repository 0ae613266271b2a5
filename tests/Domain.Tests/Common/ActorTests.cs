using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Common;

public sealed class ActorTests
{
    [Fact]
    public void MayActAs_ARoleTheActorHolds_IsTrue()
    {
        Assert.True(Actors.Finance.MayActAs(Roles.Finance));
    }

    [Fact]
    public void MayActAs_ARoleTheActorLacks_IsFalse()
    {
        Assert.False(Actors.Finance.MayActAs(Roles.WarehouseManager));
    }

    [Theory]
    [InlineData(Roles.OperationsManager)]
    [InlineData(Roles.WarehouseManager)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.Planner)]
    public void MayActAs_AnyRole_IsTrueForAdminAndSystem(string role)
    {
        Assert.True(Actors.Admin.MayActAs(role));
        Assert.True(Actor.System.MayActAs(role));
    }

    [Fact]
    public void RoleNames_AreCaseSensitive()
    {
        Assert.False(Actors.Person("x", "X", "finance").MayActAs(Roles.Finance));
    }

    [Fact]
    public void System_IsNotAnAssignableRole()
    {
        Assert.DoesNotContain(Roles.System, Roles.Assignable);
        Assert.True(Actor.System.IsSystem);
        Assert.False(Actors.Admin.IsSystem);
    }

    [Fact]
    public void MayAccessChannel_WithoutAChannelRestriction_IsTrueForEveryChannel()
    {
        Assert.True(Actors.CustomerService.MayAccessChannel("WEB"));
    }

    [Fact]
    public void MayAccessChannel_ForAPartnerClient_IsTrueOnlyForItsOwnChannels()
    {
        var partner = new Actor("api-client:zalando", "Zalando", [Roles.System], ["MKT-ZALANDO"]);

        Assert.True(partner.MayAccessChannel("MKT-ZALANDO"));
        Assert.False(partner.MayAccessChannel("WEB"));
    }

    [Fact]
    public void Kind_IsReadFromTheIdsForm_APersonAnApiClientOrTheSystem()
    {
        Assert.Equal(ActorKind.Person, Actors.Finance.Kind);
        Assert.Equal(ActorKind.ApiClient, new Actor($"{Actor.ApiClientIdPrefix}{Guid.NewGuid()}", "Web shop", [Roles.CustomerService]).Kind);
        Assert.Equal(ActorKind.System, Actor.System.Kind);
    }
}
