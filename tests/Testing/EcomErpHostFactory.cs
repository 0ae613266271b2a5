using System.Net;
using System.Net.Sockets;
using EcomErp.Admin.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Testing;

/// <summary>
/// The real host on the embedded default, against a SQLite file in a temp folder of its own: every factory is a
/// fresh database. Settings override the host's configuration the way environment variables would.
/// </summary>
public sealed class EcomErpHostFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = AdminBootstrapOptions.InitialAdminEmail;

    // A test-only password for a throw-away database; real installations generate or configure their own.
    public const string AdminPassword = "Test-Admin-Passw0rd!";

    private readonly Dictionary<string, string> settings;

    public EcomErpHostFactory(IReadOnlyDictionary<string, string>? overrides = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("ecomerp-test-").FullName;
        settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Erp"] = $"Data Source={DatabasePath}",
            ["ConnectionStrings:Redis"] = string.Empty,
            ["EcomErp:SeedDemoData"] = "false",
            ["EcomErp:Admin:InitialPassword"] = AdminPassword,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "ecomerp.db");

    /// <summary>Starts a real Kestrel server on a free loopback port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client of the Kestrel server (<see cref="StartKestrel"/>) whose connections come from <paramref name="from"/>:
    /// on Linux every 127.x.y.z address reaches the loopback listener, so a test can play a proxy or a second client.
    /// Redirects are shown, not followed; with <paramref name="handleCookies"/> false the caller reads and sends cookies.
    /// </summary>
    public static HttpClient CreateClientFrom(Uri server, IPAddress from, bool handleCookies = true) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = handleCookies,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = server };

    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(email) { Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled SQLite connections keep the file open; release them so the temp folder can go.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a background thread is left for the OS temp cleaner; the test has its answer.
            }
        }
    }
}
