using System.Text.RegularExpressions;
using EcomErp.Api.Security;
using EcomErp.Domain.Exceptions;
using EcomErp.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task TheDemo_HasAHighValueAFraudAnAddressAndAShortfallCase_ForTheAdministratorToSee()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await _factory.RunBackgroundWorkAsync();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        var page = await client.GetStringAsync(new Uri("/admin/exceptions", UriKind.Relative));

        foreach (var type in new[] { ExceptionType.HighValueApproval, ExceptionType.FraudReview, ExceptionType.AddressValidation, ExceptionType.InventoryShortfall })
            Assert.Matches($"""(?s)data-testid="queue-{type}">.*?data-testid="open-count">1<""", Regex.Match(page, $"""data-testid="queue-{type}">.*?</tr>""", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task OnFirstStart_AManualHoldAndAStockAdjustmentFromADayAgo_AreOverdueCases_AndSeedingAgainAddsNothing()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await _factory.RunBackgroundWorkAsync();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        var first = await client.GetStringAsync(new Uri("/admin/exceptions", UriKind.Relative));

        await _factory.Services.SeedDemoExceptionOrdersAsync(_factory.Services.GetRequiredService<IConfiguration>());
        await _factory.RunBackgroundWorkAsync();
        var again = await client.GetStringAsync(new Uri("/admin/exceptions", UriKind.Relative));

        foreach (var page in new[] { first, again })
        {
            // Two more manual holds are on the orders of DemoOrders (placed now, so not overdue).
            foreach (var (type, open) in new[] { (ExceptionType.ManualHold, 3), (ExceptionType.AdjustmentApproval, 1) })
            {
                var row = Regex.Match(page, $"""data-testid="queue-{type}">.*?</tr>""", RegexOptions.Singleline).Value;
                Assert.Matches($"""data-testid="open-count">{open}<""", row);
                Assert.Matches("""data-testid="overdue-count" class="overdue">1<""", row);
            }
            Assert.Matches("""(?s)data-testid="queue-HighValueApproval">.*?data-testid="overdue-count"[^>]*>0<""", page);
        }
    }
}
