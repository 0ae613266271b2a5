using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.Admin;

/// <summary>Issue 9: the GraphQL IDE is reachable from the admin for every signed-in user, whatever their role.</summary>
public sealed class GraphQLIdeLinkTests
{
    private const string PlannerEmail = "planner@ecomerp.local";
    private const string PlannerPassword = "Planner-Passw0rd!";

    [Fact]
    public async Task EverySignedInUser_HasALinkToTheGraphQLIde_AndNobodyBeforeSigningIn()
    {
        using var factory = new EcomErpHostFactory();
        await factory.CreateUserAsync(PlannerEmail, PlannerPassword, Roles.Planner);
        using var planner = factory.CreateBrowserLikeClient();
        using var anonymous = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(planner, PlannerEmail, PlannerPassword);

        var overview = await planner.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var signIn = await anonymous.GetStringAsync(new Uri(AdminSignIn.LoginPath, UriKind.Relative));

        Assert.Contains("<a href=\"/graphql\">GraphQL IDE</a>", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("GraphQL IDE", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhereTheApiRunsElsewhere_TheLinkGoesThere()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Admin:GraphQLIdeUrl"] = "https://api.example.test/graphql" });
        using var administrator = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(administrator, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        var overview = await administrator.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("<a href=\"https://api.example.test/graphql\">GraphQL IDE</a>", overview, StringComparison.Ordinal);
    }
}
