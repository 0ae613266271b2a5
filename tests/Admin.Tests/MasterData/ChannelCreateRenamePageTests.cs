using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.MasterData;

/// <summary>
/// "New channel" on the channels list (CreateChannel) and the rename form on a channel's page (RenameChannel), over HTTP on
/// the real host with the demo channels, as a browser posts them.
/// </summary>
public sealed class ChannelCreateRenamePageTests : IDisposable
{
    private const string ListPath = "/admin/masterdata/channels";
    private const string WebPath = "/admin/masterdata/channels/details/WEB";
    private const string Password = "Channels-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInAsync(string email, params string[] roles)
    {
        await _factory.CreateUserAsync(email, Password, roles);
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, Password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken)
            fields["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, path.Split('?')[0]);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static Dictionary<string, string> NewChannel(string code = "mkt-otto", string name = "Otto marketplace", string kind = "Marketplace",
        string currency = "GBP") =>
        new() { ["Input.Code"] = code, ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.Currency"] = currency };

    private async Task<string> ChannelsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var channels = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        return string.Join('|', channels.Select(c => $"{c.Code}:{c.Name}:{c.Kind}:{c.Currency.Code}:{c.Version}:{c.IsActive}"));
    }

    private static string Html(HttpResponseMessage response) => WebUtility.HtmlDecode(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    [Fact]
    public async Task APlanner_AddsAChannel_IsRedirectedToItsPage_WithTheDefaultPolicyToEdit_AndRenamesIt_EachAudited()
    {
        using var pia = await SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var created = await PostAsync(pia, ListPath, NewChannel());
        var page = WebUtility.HtmlDecode(await pia.GetStringAsync(new Uri(created.Headers.Location!.OriginalString, UriKind.Relative)));
        using var renamed = await PostAsync(pia, "/admin/masterdata/channels/details/MKT-OTTO?handler=Rename", new() { ["Renaming.Name"] = "OTTO Market" });
        var after = WebUtility.HtmlDecode(await pia.GetStringAsync(new Uri("/admin/masterdata/channels/details/MKT-OTTO", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/masterdata/channels/details/mkt-otto", new Uri(_factory.Server.BaseAddress, created.Headers.Location!).AbsolutePath, ignoreCase: true);
        Assert.Contains("Channel MKT-OTTO is added, active, with the default policy of a Marketplace channel, selling in GBP: edit it below.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"policy-form\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Otto marketplace\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Channel MKT-OTTO is now named OTTO Market.", after, StringComparison.Ordinal);
        Assert.Contains("<dt>Name</dt><dd>OTTO Market</dd>", after, StringComparison.Ordinal);
        Assert.Contains("CreateChannel", after, StringComparison.Ordinal);
        Assert.Contains("RenameChannel", after, StringComparison.Ordinal);
        Assert.Contains("MKT-OTTO:OTTO Market:Marketplace:GBP:2:True", await ChannelsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadNewChannelOrName_ComesBackWithTheMessageBesideItsField_AndWhatWasTyped_AndChangesNothing()
    {
        using var pia = await SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await ChannelsAsync();

        using var badCode = await PostAsync(pia, ListPath + "?kind=Marketplace", NewChannel(code: "otto market!"));
        using var taken = await PostAsync(pia, ListPath, NewChannel(code: "web"));
        using var badCurrency = await PostAsync(pia, ListPath, NewChannel(currency: "XYZ"));
        using var noName = await PostAsync(pia, WebPath + "?handler=Rename", new() { ["Renaming.Name"] = "   " });
        using var same = await PostAsync(pia, WebPath + "?handler=Rename", new() { ["Renaming.Name"] = "Web shop" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (badCode.StatusCode, taken.StatusCode, noName.StatusCode, same.StatusCode));
        Assert.Matches("""data-valmsg-for="Input.Code"[^>]*>'otto market!' is not a valid channel code: use letters, digits and dashes.""", Html(badCode));
        Assert.Contains("value=\"otto market!\"", Html(badCode), StringComparison.Ordinal);
        Assert.Contains("value=\"Otto marketplace\"", Html(badCode), StringComparison.Ordinal);
        Assert.Matches("""data-valmsg-for="Input.Code"[^>]*>Channel WEB already exists.""", Html(taken));
        Assert.Matches("""data-valmsg-for="Input.Currency"[^>]*>Currency 'XYZ' is not supported; use one of""", Html(badCurrency));
        Assert.Matches("""data-valmsg-for="Renaming.Name"[^>]*>A channel name of 1 to 100 characters is required.""", Html(noName));
        Assert.Matches("""data-valmsg-for="Renaming.Name"[^>]*>Channel WEB is already named Web shop.""", Html(same));
        Assert.DoesNotContain("CHANNEL_", Regex.Match(Html(taken), """data-testid="create-form".*?</form>""", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Equal(before, await ChannelsAsync());
    }

    [Fact]
    public async Task AnOperationsManager_SeesNeitherForm_AndIsDeniedBothPosts_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var otto = await SignedInAsync("otto@ecomerp.local", Roles.OperationsManager);
        using var pia = await SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await ChannelsAsync();

        var list = await otto.GetStringAsync(new Uri(ListPath, UriKind.Relative));
        var page = await otto.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        using var create = await PostAsync(otto, ListPath, NewChannel());
        using var rename = await PostAsync(otto, WebPath + "?handler=Rename", new() { ["Renaming.Name"] = "Webshop" });
        using var forgedCreate = await PostAsync(pia, ListPath, NewChannel(), withToken: false);
        using var forgedRename = await PostAsync(pia, WebPath + "?handler=Rename", new() { ["Renaming.Name"] = "Webshop" }, withToken: false);

        Assert.DoesNotContain("create-form", list, StringComparison.Ordinal);
        Assert.DoesNotContain("rename-form", page, StringComparison.Ordinal);
        Assert.All([create, rename], posted =>
            Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, posted.Headers.Location!).AbsolutePath));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forgedCreate.StatusCode, forgedRename.StatusCode));
        Assert.Equal(before, await ChannelsAsync());
    }
}
