using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Identity;

/// <summary>
/// The sign-in form's limits: a fixed window of posts per client address (the rate-limiting middleware, policy
/// <see cref="PolicyName"/> on the login page, answering 429 with <c>Retry-After</c>), and wrong passwords per account
/// and address (<see cref="SignInFailures"/>).
/// </summary>
public static partial class SignInLimits
{
    public const string PolicyName = "admin-sign-in";

    public const string RefusedMessage = "Too many sign-in attempts from your address. Wait a minute and try again.";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>()
            .Bind(configuration.GetSection(SignInLimitOptions.SectionName))
            .Validate(options => options.AttemptsPerAddress > 0 && options.FailuresPerAccountAndAddress > 0
                    && options.AddressWindow > TimeSpan.Zero && options.FailureWindow > TimeSpan.Zero,
                $"{SignInLimitOptions.SectionName}: the attempt counts and the windows must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<NoAccountPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                // Showing the form costs nothing; only posts check a password.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AttemptsPerAddress,
                    Window = limits.AddressWindow,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                LogAddressLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInLimits).FullName!), ClientAddress(context));
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(RefusedMessage, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// The address a sign-in is counted against: the connection's (a configured proxy's X-Forwarded-For has replaced it by
    /// then). IPv6 clients count per /64, the block one subscriber usually holds, so walking through it gains nothing.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in post refused: {Address} used up its attempts for now.")]
    private static partial void LogAddressLimited(ILogger logger, string address);
}
