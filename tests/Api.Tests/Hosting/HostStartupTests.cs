using System.Net;
using Hangfire;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcomErp.Api.Tests.Hosting;

public class HostStartupTests
{
    [Fact]
    public async Task Host_WithEveryRole_ServesTheAdminAndRunsTheJobServer()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var login = await client.GetAsync(new Uri("/admin/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(factory.Services.GetServices<IHostedService>(), service => service is BackgroundJobServerHostedService);
    }

    [Fact]
    public void Host_RegistersOneClock_TheSystemClock()
    {
        using var factory = new EcomErpHostFactory();

        // Every layer adds the system clock only where none is registered, so a test's clock replaces it everywhere.
        Assert.Same(TimeProvider.System, Assert.Single(factory.Services.GetServices<TimeProvider>()));
    }

    [Fact]
    public async Task Host_WithOnlyTheAdminRole_ServesTheAdminButRunsNoJobServer()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Roles"] = "admin" });
        using var client = factory.CreateBrowserLikeClient();

        using var login = await client.GetAsync(new Uri("/admin/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), service => service is BackgroundJobServerHostedService);
    }

    [Fact]
    public async Task Host_WithOnlyTheWorkerRole_DoesNotServeTheAdmin()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Roles"] = "worker" });
        using var client = factory.CreateBrowserLikeClient();

        using var login = await client.GetAsync(new Uri("/admin/account/login", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        // No admin endpoint: the request falls to the authentication-required fallback, never to a page.
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains(factory.Services.GetServices<IHostedService>(), service => service is BackgroundJobServerHostedService);
    }

    [Fact]
    public async Task Host_OnAFreshDatabaseWithoutAConfiguredPassword_WritesAnOwnerOnlyPasswordFileNextToTheDatabase()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Admin:InitialPassword"] = string.Empty });
        using var client = factory.CreateBrowserLikeClient();

        var passwordFile = Path.Combine(factory.DataDirectory, "initial-admin-password.txt");
        Assert.True(File.Exists(passwordFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        }

        var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, password);
        // A password that sat in a file is changed first: every admin page leads to the password page until then.
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/admin/account/password", landing.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Host_WithAConfiguredPassword_WritesNoPasswordFile()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "initial-admin-password.txt")));
        // A configured password is the operator's own choice: nobody is sent to change it.
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
    }

    [Theory]
    [InlineData("api", true)]
    [InlineData("api,admin", true)]
    [InlineData("api,worker", false)]
    [InlineData("admin", false)]
    public void Host_ServingTheApiWithoutTheWorkerOrRedis_WarnsAtStartThatItsSubscriptionsHearNothing(string roles, bool warns)
    {
        var logs = new CapturedLogs();
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Roles"] = roles },
            services => services.AddSingleton<ILoggerProvider>(logs));

        factory.StartServer();

        var warnings = logs.Entries.Where(entry => entry.Message.StartsWith("GraphQL subscriptions on this process will hear no changes", StringComparison.Ordinal)).ToList();
        Assert.Equal(warns ? 1 : 0, warnings.Count);
        if (warns)
        {
            Assert.Equal(LogLevel.Warning, warnings[0].Level);
            Assert.Contains("without the worker role", warnings[0].Message, StringComparison.Ordinal);
            Assert.Contains("without ConnectionStrings:Redis", warnings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Host_ServingTheApiWithoutTheWorker_OverRedis_DoesNotWarn()
    {
        await using var redis = await RedisServer.StartAsync();
        var logs = new CapturedLogs();
        using var factory = new EcomErpHostFactory(
            new Dictionary<string, string> { ["EcomErp:Roles"] = "api", ["ConnectionStrings:Redis"] = redis.ConnectionString },
            services => services.AddSingleton<ILoggerProvider>(logs));

        factory.StartServer();

        Assert.DoesNotContain(logs.Entries, entry => entry.Message.StartsWith("GraphQL subscriptions on this process", StringComparison.Ordinal));
    }
}
