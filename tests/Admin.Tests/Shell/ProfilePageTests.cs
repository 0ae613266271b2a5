using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>The profile page over HTTP on the real host: a person chooses the time zone every date of the admin is shown in.</summary>
public sealed partial class ProfilePageTests : IDisposable
{
    private const string PagePath = "/admin/account/profile";
    private const string Email = "olga@ecomerp.local";
    private const string Password = "Profile-Passw0rd!";

    // Winter in Europe and America: Tokyo is UTC+09:00, New York UTC-05:00.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly EcomErpHostFactory _factory;

    public ProfilePageTests() : this(new Dictionary<string, string>())
    {
    }

    private ProfilePageTests(Dictionary<string, string> settings) =>
        _factory = new(settings, services => services.AddSingleton<TimeProvider>(_time));

    public void Dispose() => _factory.Dispose();

    private static Task<HttpClient> SignedInAsync(EcomErpHostFactory factory, params string[] roles) =>
        new AdminPageSession(factory, Password).SignedInAsync(Email, roles);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string timeZone, bool withToken = true) =>
        AdminPageSession.PostAsync(client, PagePath, handler: null, new() { ["Input.TimeZone"] = timeZone }, withToken);

    private static string Now(string html) => WebUtility.HtmlDecode(NowShown().Match(html).Value);

    [Fact]
    public async Task APersonChoosesTheirTimeZone_AndEveryDateIsShownInIt_AlsoInTheirNextSession()
    {
        using var client = await SignedInAsync(_factory, Roles.CustomerService);
        Assert.Contains(">2026-01-15 12:00 UTC<", Now(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative))), StringComparison.Ordinal);

        using var posted = await PostAsync(client, "Asia/Tokyo");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(PagePath, new Uri(_factory.Server.BaseAddress, posted.Headers.Location!).AbsolutePath);
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        Assert.Contains("Dates are now shown in Asia/Tokyo.", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Asia/Tokyo\" selected=\"selected\">", page, StringComparison.Ordinal);
        var now = Now(page);
        Assert.Contains("datetime=\"2026-01-15T12:00:00.0000000", now, StringComparison.Ordinal);
        Assert.Contains("title=\"Asia/Tokyo\"", now, StringComparison.Ordinal);
        Assert.Contains(">2026-01-15 21:00 UTC+09:00<", now, StringComparison.Ordinal);

        using var nextSession = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(nextSession, Email, Password);
        Assert.Contains(">2026-01-15 21:00 UTC+09:00<", Now(await nextSession.GetStringAsync(new Uri(PagePath, UriKind.Relative))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "“Mars/Olympus_Mons” is not a time zone of the list")]
    [InlineData("W. Europe Standard Time", "“W. Europe Standard Time” is not a time zone of the list")]
    [InlineData("", "Choose a time zone.")]
    public async Task AZoneNotOnTheList_IsRefusedBesideTheField_KeepsWhatWasChosen_AndChangesNothing(string timeZone, string message)
    {
        using var client = await SignedInAsync(_factory, Roles.Finance);

        using var posted = await PostAsync(client, timeZone);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches($"""data-valmsg-for="Input.TimeZone"[^>]*>{Regex.Escape(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(message))}""", html);
        if (timeZone.Length > 0)
            Assert.Contains($"<option value=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(timeZone)}\" selected", html, StringComparison.Ordinal);
        Assert.Contains(">2026-01-15 12:00 UTC<", Now(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAChoice_DatesAreShownInTheConfiguredZone()
    {
        using var factory = new EcomErpHostFactory(
            new Dictionary<string, string> { ["EcomErp:Admin:TimeZone"] = "America/New_York" }, services => services.AddSingleton<TimeProvider>(_time));
        using var client = await SignedInAsync(factory, Roles.Planner);

        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Contains(">2026-01-15 07:00 UTC-05:00<", Now(page), StringComparison.Ordinal);
        Assert.Contains("<option value=\"America/New_York\" selected=\"selected\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStranger_IsSentToSignIn_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var stranger = _factory.CreateBrowserLikeClient();
        using var client = await SignedInAsync(_factory, Roles.Executive);

        using var anonymous = await stranger.GetAsync(new Uri(PagePath, UriKind.Relative));
        using var forged = await PostAsync(client, "Asia/Tokyo", withToken: false);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/account/login", new Uri(_factory.Server.BaseAddress, anonymous.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(">2026-01-15 12:00 UTC<", Now(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative))), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<time [^>]*data-testid="profile-now"[^>]*>[^<]*<""")]
    private static partial Regex NowShown();
}
