using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Hosting;

/// <summary>
/// Which proxies may tell the host the client's address and scheme (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>):
/// configuration <c>EcomErp:ForwardedHeaders:KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR ranges), each an
/// array or a comma-separated list. None by default, not even loopback (ASP.NET Core's own default): a client that
/// could claim https would get the cookies and HSTS meant for TLS, and one that could claim any address would escape the
/// per-address sign-in limit.
/// </summary>
public static class TrustedProxies
{
    public const string KnownProxiesKey = "EcomErp:ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "EcomErp:ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        // Read at registration so a mistyped address stops start-up instead of silently trusting nobody.
        var proxies = configuration.GetList(KnownProxiesKey).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new OptionsValidationException(KnownProxiesKey, typeof(ForwardedHeadersOptions),
                [$"Configuration key '{KnownProxiesKey}' holds '{value}', which is not an IP address."])).ToList();
        var networks = configuration.GetList(KnownNetworksKey).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new OptionsValidationException(KnownNetworksKey, typeof(ForwardedHeadersOptions),
                [$"Configuration key '{KnownNetworksKey}' holds '{value}', which is not a network in CIDR notation (such as 10.0.0.0/8)."])).ToList();

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no proxy configured the middleware reads nothing: given empty lists it would trust every sender. Not
            // X-Forwarded-Host: the host name is the proxy's to set on the request line, never a header's to claim.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }
}
