using System.Text.RegularExpressions;
using EcomErp.Domain.Exceptions;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>The embedded demo's orders raise exception cases from their real causes, once, however often the host starts.</summary>
public sealed class DemoExceptionOrdersTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true", ["EcomErp:SeedDemoOrders"] = "true",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheDemo_HasAHighValueAFraudAndAnAddressCase_ForTheAdministratorToSee()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await _factory.RunBackgroundWorkAsync();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        var page = await client.GetStringAsync(new Uri("/admin/exceptions", UriKind.Relative));

        foreach (var type in new[] { ExceptionType.HighValueApproval, ExceptionType.FraudReview, ExceptionType.AddressValidation })
            Assert.Matches($"""(?s)data-testid="queue-{type}">.*?data-testid="open-count">1<""", Regex.Match(page, $"""data-testid="queue-{type}">.*?</tr>""", RegexOptions.Singleline).Value);
    }
}
