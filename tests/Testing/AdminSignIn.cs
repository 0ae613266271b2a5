using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace EcomErp.Testing;

/// <summary>Drives the admin's sign-in form over HTTP the way a browser does: page, antiforgery token, post.</summary>
public static partial class AdminSignIn
{
    public const string LoginPath = "/admin/account/login";

    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string path = LoginPath)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReadAntiforgeryToken(await response.Content.ReadAsStringAsync());
    }

    public static string ReadAntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? token = null)
    {
        token ??= await GetAntiforgeryTokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri(LoginPath, UriKind.Relative), form);
    }

    /// <summary>Signs in and asserts it worked (a redirect into the admin).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)" """)]
    private static partial Regex AntiforgeryInput();
}
