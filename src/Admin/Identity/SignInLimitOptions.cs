namespace EcomErp.Admin.Identity;

/// <summary>
/// Configuration section <c>EcomErp:Admin:SignIn</c>: how many sign-in attempts one client address gets. Failures count per
/// account and address rather than per account alone, so nobody can lock a person out from another address.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "EcomErp:Admin:SignIn";

    /// <summary>Sign-in posts one client address may make per <see cref="AddressWindow"/>, for any accounts; more get 429.</summary>
    public int AttemptsPerAddress { get; set; } = 10;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords for one account from one address before that address is refused for that account.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>How long the failures are counted (from the first one) and the refusal lasts.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
