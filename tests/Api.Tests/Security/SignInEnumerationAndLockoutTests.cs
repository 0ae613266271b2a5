using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Finding 10: the sign-in form does not tell which accounts exist or are locked, and a stranger cannot lock a person
/// out: failures count per account and client address, and one address has a limited number of sign-in posts.
/// </summary>
public sealed partial class SignInEnumerationAndLockoutTests
{
    private const string LockedEmail = "locked@ecomerp.local";
    private const string LockedPassword = "Locked-Passw0rd!";

    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Colleague = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task UnknownAccount_WrongPassword_AndLockedAccount_GetTheSamePage()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        await factory.CreateUserAsync(LockedEmail, LockedPassword);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var locked = await users.FindByEmailAsync(LockedEmail);
            await users.SetLockoutEndDateAsync(locked!, DateTimeOffset.UtcNow.AddDays(1));
        }

        var answers = new List<(HttpStatusCode Status, string Page)>();
        foreach (var (email, password) in new[]
        {
            ("nobody@ecomerp.local", "Some-Passw0rd!"),
            (EcomErpHostFactory.AdminEmail, "Wrong-Passw0rd!"),
            (LockedEmail, "Wrong-Passw0rd!"),
            (LockedEmail, LockedPassword),
        })
        {
            using var client = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
            using var response = await AdminSignIn.PostLoginAsync(client, email, password);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("The email or password is not correct.", html, StringComparison.Ordinal);
            answers.Add((response.StatusCode, WithoutPerRequestValues(html, email)));
        }

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Single(answers.Select(answer => answer.Page).Distinct());
    }

    [Fact]
    public async Task FailuresFromOneAddress_LockThatAddressOut_ButNotThePersonAtAnotherAddress()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        using var attacker = EcomErpHostFactory.CreateClientFrom(server, Attacker);
        using var colleague = EcomErpHostFactory.CreateClientFrom(server, Colleague);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await AdminSignIn.PostLoginAsync(attacker, EcomErpHostFactory.AdminEmail, $"Wrong-Passw0rd-{attempt}!");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var attackerWithTheRightPassword = await AdminSignIn.PostLoginAsync(attacker, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var owner = await AdminSignIn.PostLoginAsync(colleague, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, attackerWithTheRightPassword.StatusCode);
        Assert.Contains("The email or password is not correct.", await attackerWithTheRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/admin", owner.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInPosts_BeyondTheLimitForOneAddress_AreRefusedWith429_WhileTheFormAndOtherAddressesStillWork()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string>
        {
            ["EcomErp:Admin:SignIn:AttemptsPerAddress"] = "3",
        });
        var server = factory.StartKestrel();
        using var attacker = EcomErpHostFactory.CreateClientFrom(server, Attacker);
        using var colleague = EcomErpHostFactory.CreateClientFrom(server, Colleague);
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(attacker);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // A different account each time: the address is limited, whatever account it tries.
            using var failed = await AdminSignIn.PostLoginAsync(attacker, $"user{attempt}@ecomerp.local", "Wrong-Passw0rd!", token);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var refused = await AdminSignIn.PostLoginAsync(attacker, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword, token);
        using var form = await attacker.GetAsync(new Uri(AdminSignIn.LoginPath, UriKind.Relative));
        using var owner = await AdminSignIn.PostLoginAsync(colleague, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    /// <summary>The page minus what differs by request anyway: the antiforgery token and the email echoed into the form.</summary>
    private static string WithoutPerRequestValues(string html, string email) =>
        AntiforgeryToken().Replace(html, "token").Replace($"value=\"{email}\"", "value=\"email\"", StringComparison.Ordinal);

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="[^"]+" """)]
    private static partial Regex AntiforgeryToken();
}
