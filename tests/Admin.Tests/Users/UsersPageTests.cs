using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Users;
using EcomErp.Application.Users.GetUser;
using EcomErp.Application.Users.LockUser;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Users;

/// <summary>The users pages over HTTP on the real host: the list, adding a user, their roles, lock and unlock, and a password reset.</summary>
public sealed partial class UsersPageTests : IDisposable
{
    private const string ListPath = "/admin/users";
    private const string Password = "Users-Page-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new();
    private readonly AdminPageSession _session;

    public UsersPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static string DetailsPath(Guid id) => $"/admin/users/details/{id}";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string? tokenFrom = null, bool withToken = true) =>
        AdminPageSession.PostAsync(client, path, handler: null, fields, withToken, tokenFrom ?? path.Split('?')[0]);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string email, string name, params string[] roles) =>
        PostWithRolesAsync(client, ListPath, [("Input.Email", email), ("Input.DisplayName", name), .. roles.Select(r => ("Input.Roles", r))]);

    /// <summary>A post whose fields repeat (checkboxes), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostWithRolesAsync(HttpClient client, string path, (string Key, string Value)[] fields, bool withToken = true)
    {
        (string, string)[] all = withToken
            ? [.. fields, ("__RequestVerificationToken", await AdminSignIn.GetAntiforgeryTokenAsync(client, path.Split('?')[0]))]
            : fields;
        using var form = Form(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private async Task<UserAccount?> FindAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
        return user is null ? null : await scope.ServiceProvider.GetRequiredService<IUserAccounts>().FindAsync(Guid.Parse(user.Id), CancellationToken.None);
    }

    private async Task<Guid> IdOfAsync(string email) => (await FindAsync(email))!.Id;

    private async Task<UserAccount> GetAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IQueryHandler<GetUser, UserAccount>>()
            .HandleAsync(new GetUser(id), CancellationToken.None);
        return found.Value;
    }

    private static string PasswordOn(string page) => WebUtility.HtmlDecode(OneTimePassword().Match(page).Groups["password"].Value);

    [Fact]
    public async Task AnAdministrator_AddsAUser_AndReadsTheirOneTimePasswordOnce_OnTheirPage()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        using var created = await CreateAsync(ada, "fay@example.com", "Fay Finance", Roles.Finance);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var fay = await FindAsync("fay@example.com");
        Assert.Equal(("Fay Finance", true), (fay!.DisplayName, fay.MustChangePassword));
        Assert.Equal([Roles.Finance], fay.Roles);
        Assert.Equal(DetailsPath(fay.Id), created.Headers.Location?.OriginalString);
        var first = await ada.GetStringAsync(new Uri(DetailsPath(fay.Id), UriKind.Relative));
        var password = PasswordOn(first);
        Assert.True(password.Length >= 12);
        var second = await ada.GetStringAsync(new Uri(DetailsPath(fay.Id), UriKind.Relative));
        Assert.DoesNotContain("one-time-password", second, StringComparison.Ordinal);
        var list = await ada.GetStringAsync(new Uri(ListPath + "?role=Finance&q=fay", UriKind.Relative));
        Assert.Contains("Fay Finance", list, StringComparison.Ordinal);
        Assert.Contains("1 user.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableEmail_ComesBackBesideItsField_WithWhatWasTyped_AndAddsNobody()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        using var refused = await CreateAsync(ada, "fay at example", "Fay Finance", Roles.Finance);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.Email"[^>]*>Enter an email address""", page);
        Assert.Contains("value=\"fay at example\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Fay Finance\"", page, StringComparison.Ordinal);
        Assert.Matches("""id="new-role-Finance" name="Input.Roles" value="Finance" checked""", page);
        Assert.DoesNotContain("(USER_", page, StringComparison.Ordinal);
        Assert.Null(await FindAsync("fay at example"));
    }

    [Fact]
    public async Task APersonWhoIsNoAdministrator_IsRefusedTheListAndEveryForm()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        var adaId = await IdOfAsync("ada@ecomerp.local");
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance, Roles.Executive);

        using var list = await fay.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var create = await PostAsync(fay, ListPath, new() { ["Input.Email"] = "x@example.com", ["Input.DisplayName"] = "X" }, tokenFrom: "/admin/account/password");
        using var lockAda = await PostAsync(fay, DetailsPath(adaId) + "?handler=Lock", new(), tokenFrom: "/admin/account/password");

        foreach (var response in new[] { list, create, lockAda })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
        }
        Assert.Null(await FindAsync("x@example.com"));
        Assert.False((await GetAsync(adaId)).IsLocked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Roles")]
    [InlineData("?handler=Lock")]
    [InlineData("?handler=Unlock")]
    [InlineData("?handler=Reset")]
    public async Task AFormPostedWithoutTheAntiforgeryToken_IsRefused(string handler)
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        await _factory.CreateUserAsync("fay@ecomerp.local", Password, Roles.Finance);
        var path = handler.Length == 0 ? ListPath : DetailsPath(await IdOfAsync("fay@ecomerp.local")) + handler;

        using var forged = await PostWithRolesAsync(ada, path, [("Input.Email", "x@example.com"), ("Input.DisplayName", "X"), ("Input.Roles", Roles.Admin)], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await FindAsync("x@example.com"));
        Assert.Equal([Roles.Finance], (await FindAsync("fay@ecomerp.local"))!.Roles);
    }

    [Fact]
    public async Task TheRolesForm_SavesTheCheckedRoles_AndAnUnknownRole_ComesBackBesideTheRoles()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        await _factory.CreateUserAsync("fay@ecomerp.local", Password, Roles.Finance);
        var fay = await IdOfAsync("fay@ecomerp.local");

        using var saved = await PostWithRolesAsync(ada, DetailsPath(fay) + "?handler=Roles", [("Input.Roles", Roles.Finance), ("Input.Roles", Roles.Planner)]);
        using var refused = await PostWithRolesAsync(ada, DetailsPath(fay) + "?handler=Roles", [("Input.Roles", "Root")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([Roles.Planner, Roles.Finance], (await GetAsync(fay)).Roles);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Roles"[^>]*>There is no role &quot;Root&quot;""", await refused.Content.ReadAsStringAsync());
        Assert.Equal([Roles.Planner, Roles.Finance], (await GetAsync(fay)).Roles);
        var page = await ada.GetStringAsync(new Uri(DetailsPath(fay), UriKind.Relative));
        Assert.Contains("SetUserRoles", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastUnlockedAdministrator_CannotTakeAwayTheirOwnAdminRole_TheRefusalReadsBesideTheRoles()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        var adaId = await IdOfAsync("ada@ecomerp.local");
        var actor = await _factory.ActorOfAsync("ada@ecomerp.local", Roles.Admin);
        Assert.True((await _factory.SendAsync<LockUser, UserAccount>(new LockUser(actor, await IdOfAsync(EcomErpHostFactory.AdminEmail)))).IsSuccess);

        using var refused = await PostWithRolesAsync(ada, DetailsPath(adaId) + "?handler=Roles", [("Input.Roles", Roles.Finance)]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches("""data-valmsg-for="Input.Roles"[^>]*>ada@ecomerp.local is the last unlocked administrator""", page);
        Assert.Matches("""id="role-Finance" name="Input.Roles" value="Finance" checked""", page);
        Assert.Equal([Roles.Admin], (await GetAsync(adaId)).Roles);
    }

    [Fact]
    public async Task Locking_AsksFirst_EndsTheUsersSessions_AndUnlocking_LetsThemSignInAgain()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        var fayId = await IdOfAsync("fay@ecomerp.local");

        var asks = await ada.GetStringAsync(new Uri(DetailsPath(fayId) + "?confirm=lock", UriKind.Relative));
        using var locked = await PostAsync(ada, DetailsPath(fayId) + "?handler=Lock", new());

        Assert.Contains("data-testid=\"confirm-lock\"", asks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.True((await GetAsync(fayId)).IsLocked);
        using var afterLock = await fay.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterLock.StatusCode);
        Assert.StartsWith("/admin/account/login", new Uri(_factory.Server.BaseAddress, afterLock.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        using var refusedSignIn = await AdminSignIn.PostLoginAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", Password);
        Assert.Equal(HttpStatusCode.OK, refusedSignIn.StatusCode);

        using var unlocked = await PostAsync(ada, DetailsPath(fayId) + "?handler=Unlock", new());

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.False((await GetAsync(fayId)).IsLocked);
        await AdminSignIn.SignInAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", Password);
    }

    [Fact]
    public async Task LockingOneself_IsRefused_WithTheReasonOnThePage_AndChangesNothing()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        var adaId = await IdOfAsync("ada@ecomerp.local");

        using var refused = await PostAsync(ada, DetailsPath(adaId) + "?handler=Lock", new());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You cannot lock yourself out", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await GetAsync(adaId)).IsLocked);
    }

    [Fact]
    public async Task ResettingAPassword_AsksFirst_ShowsTheNewOneOnce_AndTheUserMustChangeIt()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        await _factory.CreateUserAsync("fay@ecomerp.local", Password, Roles.Finance);
        var fayId = await IdOfAsync("fay@ecomerp.local");

        var asks = await ada.GetStringAsync(new Uri(DetailsPath(fayId) + "?confirm=reset", UriKind.Relative));
        using var reset = await PostAsync(ada, DetailsPath(fayId) + "?handler=Reset", new());

        Assert.Contains("data-testid=\"confirm-reset\"", asks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var password = PasswordOn(await ada.GetStringAsync(new Uri(DetailsPath(fayId), UriKind.Relative)));
        Assert.True((await GetAsync(fayId)).MustChangePassword);
        var fay = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(fay, "fay@ecomerp.local", password);
        using var landing = await fay.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal("/admin/account/password", landing.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("""id="one-time-password" value="(?<password>[^"]+)" """)]
    private static partial Regex OneTimePassword();
}
