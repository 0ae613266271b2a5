using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Testing;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Api.Tests.GraphQL.Transport;

/// <summary>
/// The transport on a real Kestrel port with the test schema, a header-based test sign-in and a fake clock. This is the one
/// place that hosts it: when the real schema lands, this is where the tests switch to the host (EcomErpHostFactory).
/// </summary>
public sealed class TransportTestServer : IAsyncDisposable
{
    public const string Path = "/graphql";
    public const string TestScheme = "Test";
    public const string User = "alice";

    private readonly WebApplication app;

    private TransportTestServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(TestScheme, User);
    }

    public Uri Address { get; }

    public Uri WebSocketAddress => new UriBuilder(Address) { Scheme = "ws", Path = Path }.Uri;

    /// <summary>A socket to this server offering <paramref name="subProtocols"/>, not yet initialised.</summary>
    public Task<GraphQLWebSocketClient> ConnectAsync(params string[] subProtocols) => GraphQLWebSocketClient.ConnectAsync(WebSocketAddress, subProtocols);

    /// <summary>A socket to this server, initialised with <paramref name="token"/> and acknowledged.</summary>
    public Task<GraphQLWebSocketClient> ConnectAndInitialiseAsync(string token = User) =>
        GraphQLWebSocketClient.ConnectAndInitialiseAsync(WebSocketAddress, new { token });

    /// <summary>Signed in as <see cref="User"/>.</summary>
    public HttpClient Http { get; }

    public FakeTimeProvider Clock => app.Services.GetRequiredService<FakeTimeProvider>();

    public TestEventSource Events => app.Services.GetRequiredService<TestEventSource>();

    public TestCounter Counter => app.Services.GetRequiredService<TestCounter>();

    public CapturedLogs Logs => app.Services.GetRequiredService<CapturedLogs>();

    /// <param name="environment">The host environment; Production unless a test is about another.</param>
    /// <param name="services">Registrations added last, so they win (for example a recording wrapper around an engine service).</param>
    public static async Task<TransportTestServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? environment = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment ?? Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);

        builder.Services.AddSingleton(logs);
        builder.Services.AddAuthentication(TestScheme).AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestScheme, null);
        builder.Services.AddAuthorization();
        builder.Services.AddGraphQLTransport(builder.Configuration);
        builder.Services.AddSingleton<FakeTimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<FakeTimeProvider>());
        builder.Services.AddSingleton<IGraphQLConnectionAuthenticator, TestConnectionAuthenticator>();
        builder.Services.AddSingleton<TestEventSource>();
        builder.Services.AddSingleton<TestCounter>();
        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TestSchema>().AddGraphTypes(typeof(TestSchema).Assembly));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGraphQLTransport(Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TransportTestServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary><c>Authorization: Test name</c> signs in as <c>name</c>.</summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        return Task.FromResult(header.StartsWith(TransportTestServer.TestScheme + " ", StringComparison.Ordinal)
            ? AuthenticateResult.Success(new AuthenticationTicket(Principal(header[(TransportTestServer.TestScheme.Length + 1)..], Scheme.Name), Scheme.Name))
            : AuthenticateResult.NoResult());
    }

    public static ClaimsPrincipal Principal(string name, string scheme) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], scheme));
}

/// <summary><c>connection_init</c> with <c>{"token": name}</c> signs in as <c>name</c>; "explode" throws; anything else is refused.</summary>
public sealed class TestConnectionAuthenticator : IGraphQLConnectionAuthenticator
{
    public const string ExplodingToken = "explode";

    public Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, JsonElement>? payload, CancellationToken cancellationToken)
    {
        var token = payload is not null && payload.TryGetValue("token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (token == ExplodingToken)
        {
            throw new InvalidOperationException("The key store is down.");
        }

        return Task.FromResult(string.IsNullOrEmpty(token) ? null : TestAuthenticationHandler.Principal(token, "ApiKey"));
    }
}
