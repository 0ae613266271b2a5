using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Identity;

/// <summary>
/// Wrong passwords counted per account and client address, in this process's memory. Replaces Identity's per-account
/// lockout: that one lets anybody who knows an email address keep its owner locked out with five posts every fifteen
/// minutes; this one refuses only the address that failed. The cost: an attacker with many addresses gets
/// <see cref="SignInLimitOptions.FailuresPerAccountAndAddress"/> guesses per address and window (the password policy and
/// the per-address post limit bound that); each admin node counts its own failures.
/// </summary>
public sealed class SignInFailures : IDisposable
{
    private readonly PartitionedRateLimiter<(string Account, string Address)> failures;

    public SignInFailures(IOptions<SignInLimitOptions> options)
    {
        var limits = options.Value;
        // A fixed window per pair, opened by its first failure: the refusal ends when the window does. Idle pairs are
        // dropped by the limiter, so guessing many account names does not grow memory without bound.
        failures = PartitionedRateLimiter.Create<(string Account, string Address), (string Account, string Address)>(pair =>
            RateLimitPartition.GetFixedWindowLimiter(pair, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.FailuresPerAccountAndAddress,
                Window = limits.FailureWindow,
                QueueLimit = 0,
            }));
    }

    /// <summary>Whether this address has used up its wrong passwords for this account (a count of zero asks without spending).</summary>
    public bool AreExhausted(string account, string address)
    {
        using var lease = failures.AttemptAcquire((account, address), permitCount: 0);
        return !lease.IsAcquired;
    }

    public void Record(string account, string address) => failures.AttemptAcquire((account, address)).Dispose();

    public void Dispose() => failures.Dispose();
}
