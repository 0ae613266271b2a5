using System.Security.Claims;
using EcomErp.Api.Security;
using EcomErp.Application.Access.AuthenticateApiClient;

namespace EcomErp.Api.Tests.Security;

public sealed class ApiClaimsTests
{
    private static readonly ApiCaller Partner = new(Guid.CreateVersion7(), "Marketplace feed", ["orders:read", "orders:write"], ["MKT"], ["CustomerService"]);

    [Fact]
    public void TheCaller_ReadBackFromItsPrincipal_IsTheOneItWasMadeFrom()
    {
        var principal = ApiClaims.ToPrincipal(Partner);

        Assert.Same(Partner, principal.ToCaller());
        Assert.Equal("Marketplace feed", principal.Identity?.Name);
        Assert.Equal(["orders:read", "orders:write"], principal.FindAll(ApiClaims.Scope).Select(claim => claim.Value));
    }

    [Fact]
    public void APrincipalRebuiltFromTheClaimsAlone_GivesTheSameGrants()
    {
        var made = ApiClaims.ToPrincipal(Partner);
        var copy = new ClaimsPrincipal(new ClaimsIdentity(made.Claims, ApiClaims.Scheme, ClaimTypes.Name, ClaimTypes.Role));

        var caller = copy.ToCaller();

        Assert.NotNull(caller);
        Assert.NotSame(Partner, caller);
        Assert.True(Partner.GrantsTheSameAs(caller));
        Assert.Equal(Partner.Name, caller.Name);
    }

    [Fact]
    public void APrincipalWithoutAClientId_IsNoCaller() =>
        Assert.Null(new ClaimsPrincipal(new ClaimsIdentity([], ApiClaims.Scheme)).ToCaller());
}
