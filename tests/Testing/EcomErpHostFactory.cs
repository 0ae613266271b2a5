using System.Net;
using System.Net.Sockets;
using EcomErp.Admin.Identity;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using GraphQL;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    // Every admin test creates and signs in people, and every host its first administrator: at the production work factor those
    // hashes are a large share of the suite's CPU. The hash format and the code paths stay the production ones.
    private const int TestPasswordHashIterations = 1_000;

    private readonly Dictionary<string, string> settings;
    private readonly Action<IServiceCollection>? services;

    static EcomErpHostFactory()
    {
        // Every host builds its GraphQL schema on its first request, and compiling each input type's dictionary-to-object
        // conversion is about two thirds of that (0.3 s of CPU per host here). Tests start hundreds of hosts that each parse a
        // handful of inputs, so they let GraphQL.NET convert by reflection: the same conversion, the library's other path.
        GlobalSwitches.DynamicallyCompileToObject = false;
    }

    /// <param name="services">Replaces services after the host's own, e.g. a FakeTimeProvider as the one TimeProvider.</param>
    public EcomErpHostFactory(IReadOnlyDictionary<string, string>? overrides = null, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        DataDirectory = Directory.CreateTempSubdirectory("ecomerp-test-").FullName;
        settings = new Dictionary<string, string>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={DatabasePath}",
            ["ConnectionStrings:Redis"] = string.Empty,
            ["EcomErp:SeedDemoData"] = "false",
            // Tests that seed the demo master data count what they capture themselves.
            ["EcomErp:SeedDemoOrders"] = "false",
            ["EcomErp:Admin:InitialPassword"] = AdminPassword,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>
    /// Hashes passwords with the production work factor (Identity's default PBKDF2 iteration count) instead of the tests' cheap
    /// one: for the tests about the hasher itself.
    /// </summary>
    public bool ProductionPasswordHashing { get; init; }

    /// <summary>
    /// Starts on a database whose seed no worker has consumed yet: its events are still to be dispatched and projected, as
    /// on a host's first start. By default the seed is settled (<see cref="DatabaseTemplates"/>); the tests of the projection's
    /// lag and of a rebuild's progress need the backlog.
    /// </summary>
    public bool SeedUnconsumed { get; init; }

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

    /// <summary>
    /// Sends a command through the host's own handler (as the API would), then delivers the outbox and projects the read models
    /// the way the host's background loops do, so what the command raised (holds, exception cases, the order's next steps) is
    /// there when the call returns.
    /// </summary>
    public async Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command)
    {
        Result<TResult> result;
        await using (var scope = Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command, CancellationToken.None);
        }
        await RunBackgroundWorkAsync();
        return result;
    }

    /// <summary>Delivers pending outbox events (and what their handlers raise in turn) and projects the read models.</summary>
    public async Task RunBackgroundWorkAsync()
    {
        await Services.SettleAsync();
    }

    /// <summary>The workflow actor a person of this email acts as in the admin (<c>user:{id}</c>).</summary>
    public async Task<Actor> ActorOfAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return new Actor($"user:{user.Id}", email, roles);
    }

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

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        builder.ConfigureServices((context, composed) => StartFromTemplate(context.Configuration, composed));
        if (!ProductionPasswordHashing)
        {
            builder.ConfigureServices(composed => composed.Configure<PasswordHasherOptions>(hashing => hashing.IterationCount = TestPasswordHashIterations));
        }
    }

    /// <summary>
    /// Puts the first state every fresh database of the process shares (<see cref="DatabaseTemplates"/>) in this factory's
    /// SQLite file before the host initializes it, when the host is on that file and the clock it seeds with is known: the
    /// system clock or a fake one (whose reading now is the one the seeded rows carry).
    /// </summary>
    private void StartFromTemplate(IConfiguration configuration, IServiceCollection composed)
    {
        if (configuration[DatabaseOptions.ConnectionStringKey] != $"Data Source={DatabasePath}"
            || !string.Equals(configuration[DatabaseOptions.ProviderKey], "Sqlite", StringComparison.OrdinalIgnoreCase)
            || !bool.TryParse(configuration[DatabaseOptions.SeedDemoDataKey] ?? "false", out var seedDemoData)
            || File.Exists(DatabasePath))
        {
            return;
        }

        DateTimeOffset? seededAt;
        switch (composed.LastOrDefault(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService)?.ImplementationInstance)
        {
            case FakeTimeProvider fake:
                seededAt = fake.GetUtcNow();
                break;
            case var clock when ReferenceEquals(clock, TimeProvider.System):
                seededAt = null;
                break;
            default:
                return;
        }

        // The web host is built synchronously; the template is awaited off the test's synchronization context.
        Task.Run(() => DatabaseTemplates.CopyToAsync(DatabasePath, seedDemoData, seededAt, settled: !SeedUnconsumed)).GetAwaiter().GetResult();
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
