using System.Net;
using EcomErp.Application.Users.CreateUser;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Account;

/// <summary>Changing one's own password over HTTP on the real host, and the first sign-in with a password somebody else has seen.</summary>
public sealed class PasswordPageTests : IDisposable
{
    private const string PagePath = "/admin/account/password";
    private const string NewPassword = "Fay-Own-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Fay, added by an administrator, with the one-time password she was handed.</summary>
    private async Task<string> AddFayAsync()
    {
        var created = await _factory.SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Admin, "fay@ecomerp.local", "Fay Finance", [Roles.Finance]));
        return created.Value.OneTimePassword;
    }

    private Task<HttpClient> SignedInAsync(string password) => new AdminPageSession(_factory).SignedInAsExistingAsync("fay@ecomerp.local", password);

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm, bool withToken = true) =>
        AdminPageSession.PostAsync(client, PagePath, handler: null,
            new() { ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm }, withToken);

    [Fact]
    public async Task APersonHandedAPassword_IsSentToChangeIt_ThenWorksOn_WhileTheirOtherSessionsEnd()
    {
        var oneTime = await AddFayAsync();
        using var other = await SignedInAsync(oneTime);
        using var fay = await SignedInAsync(oneTime);

        using var sent = await fay.GetAsync(new Uri("/admin/exceptions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(PagePath, sent.Headers.Location?.OriginalString);
        var page = await fay.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        Assert.Contains("data-testid=\"must-change\"", page, StringComparison.Ordinal);
        Assert.Contains("At least 12 characters", page, StringComparison.Ordinal);

        using var changed = await ChangeAsync(fay, oneTime, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var landing = await fay.GetAsync(new Uri("/admin/exceptions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        using var ended = await other.GetAsync(new Uri("/admin/exceptions", UriKind.Relative));
        Assert.StartsWith("/admin/account/login", new Uri(_factory.Server.BaseAddress, ended.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        using var oldRefused = await AdminSignIn.PostLoginAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", oneTime);
        Assert.Equal(HttpStatusCode.OK, oldRefused.StatusCode);
        await AdminSignIn.SignInAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", NewPassword);
    }

    [Theory]
    [InlineData("wrong", NewPassword, NewPassword, "Input.CurrentPassword", "The current password is not correct.")]
    [InlineData(null, "short", "short", "Input.NewPassword", "Passwords must be at least 12 characters.")]
    [InlineData(null, NewPassword, "Fay-Other-Passw0rd!", "Input.ConfirmPassword", "The confirmation differs from the new password.")]
    public async Task ARefusedChange_ReadsBesideItsField_AndTheOldPasswordStillWorks(string? current, string next, string confirm, string field, string message)
    {
        var oneTime = await AddFayAsync();
        using var fay = await SignedInAsync(oneTime);

        using var refused = await ChangeAsync(fay, current ?? oneTime, next, confirm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches($"""data-valmsg-for="{field}"[^>]*>{System.Text.RegularExpressions.Regex.Escape(message)}""", await refused.Content.ReadAsStringAsync());
        await AdminSignIn.SignInAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", oneTime);
    }

    [Fact]
    public async Task AChangePostedWithoutTheAntiforgeryToken_IsRefused_AndAStrangerIsSentToSignIn()
    {
        var oneTime = await AddFayAsync();
        using var fay = await SignedInAsync(oneTime);

        using var forged = await ChangeAsync(fay, oneTime, NewPassword, NewPassword, withToken: false);
        using var stranger = await _factory.CreateBrowserLikeClient().GetAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.StartsWith("/admin/account/login", new Uri(_factory.Server.BaseAddress, stranger.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        await AdminSignIn.SignInAsync(_factory.CreateBrowserLikeClient(), "fay@ecomerp.local", oneTime);
    }
}
