using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using EcomErp.Application.Users;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Audit;

/// <summary>
/// Who changed a record reads as the person's display name (the users page's name), not their e-mail, in a record's recent
/// changes and in the audit log; a person without a display name still reads as their e-mail.
/// </summary>
public sealed class ActorNamesTests : IDisposable
{
    private const string Password = "ActorNames-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInAsync(string email, string? displayName, params string[] roles)
    {
        await _factory.CreateUserAsync(email, Password, roles);
        if (displayName is not null)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.AddClaimAsync((await users.FindByEmailAsync(email))!, new Claim(UserClaimTypes.DisplayName, displayName))).Succeeded);
        }
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, Password);
        return client;
    }

    private static async Task RenameAsync(HttpClient client, string channel, string name)
    {
        var path = $"/admin/masterdata/channels/details/{channel}?handler=Rename";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Renaming.Name"] = name, ["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, path.Split('?')[0]),
        });
        using var posted = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    private static List<string> RecentChangeActors(string html) =>
        [.. Regex.Matches(html, """<tr data-testid="recent-change">\s*<td>.*?</td>\s*<td>(?<who>[^<]*)</td>""", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups["who"].Value))];

    [Fact]
    public async Task TheRecentChangesAndTheAuditLog_NameThePersonByTheirDisplayName_AndOneWithoutAName_ByTheirEmail()
    {
        using var pia = await SignedInAsync("pia@ecomerp.local", "Pia Planner", Roles.Planner);
        using var paul = await SignedInAsync("paul@ecomerp.local", null, Roles.Planner);
        using var ada = await SignedInAsync("ada.audit@ecomerp.local", "Ada Audit", Roles.Admin);

        await RenameAsync(pia, "WEB", "Webshop");
        await RenameAsync(paul, "WEB", "Web store");
        var channel = await ada.GetStringAsync(new Uri("/admin/masterdata/channels/details/WEB", UriKind.Relative));
        var audit = WebUtility.HtmlDecode(await ada.GetStringAsync(new Uri("/admin/audit?subject=WEB&command=RenameChannel", UriKind.Relative)));

        Assert.Equal(["paul@ecomerp.local", "Pia Planner"], RecentChangeActors(channel).Take(2));
        Assert.Contains(">Pia Planner</a>", audit, StringComparison.Ordinal);
        Assert.Contains(">paul@ecomerp.local</a>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(">pia@ecomerp.local</a>", audit, StringComparison.Ordinal);
    }
}
