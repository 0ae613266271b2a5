using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace EcomErp.Admin.Identity;

public static class SignInErrors
{
    public const string Refused = "SIGN_IN_REFUSED";

    /// <summary>
    /// The one answer for an unknown email, a wrong password, a locked or disabled account and an address that used up
    /// its attempts: the form must not tell which accounts exist or what state they are in. The log says which.
    /// </summary>
    public static readonly Error RefusedError = new(Refused, "The email or password is not correct.");
}

/// <summary>
/// Signs a person in with email and password. Every attempt checks exactly one password hash before anything else
/// decides, so an unknown, locked or refused account takes as long to refuse as a wrong password does.
/// </summary>
public sealed partial class PasswordSignIn(
    SignInManager<IdentityUser> signInManager, SignInFailures failures, NoAccountPasswordHash noAccountHash, ILogger<PasswordSignIn> logger)
{
    public async Task<Result> SignInAsync(string email, string password, bool remember, string clientAddress)
    {
        var users = signInManager.UserManager;
        var account = users.NormalizeName(email);
        var exhausted = failures.AreExhausted(account, clientAddress);
        var user = await users.FindByNameAsync(email);
        var passwordMatches = user is null
            ? VerifyAgainstNoAccount(users.PasswordHasher, password)
            : await users.CheckPasswordAsync(user, password);

        if (exhausted)
        {
            LogAddressExhausted(logger, email, clientAddress);
            return SignInErrors.RefusedError;
        }

        if (user is null || !passwordMatches)
        {
            failures.Record(account, clientAddress);
            LogWrongCredentials(logger, email, clientAddress, user is null ? "no such account" : "wrong password");
            return SignInErrors.RefusedError;
        }

        // Lockout is now only what an administrator sets (LockoutEnd); failed sign-ins no longer lock anyone out.
        if (await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            LogWrongCredentials(logger, email, clientAddress, "account locked or not allowed to sign in");
            return SignInErrors.RefusedError;
        }

        await signInManager.SignInAsync(user, remember, authenticationMethod: "pwd");
        LogSignedIn(logger, email, clientAddress);
        return Result.Success();
    }

    private bool VerifyAgainstNoAccount(IPasswordHasher<IdentityUser> hasher, string password)
    {
        hasher.VerifyHashedPassword(new IdentityUser(), noAccountHash.MadeWith(hasher), password);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} signed in to the admin from {Address}.")]
    private static partial void LogSignedIn(ILogger logger, string email, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email} from {Address}: {Reason}.")]
    private static partial void LogWrongCredentials(ILogger logger, string email, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email} from {Address}: too many wrong passwords from that address.")]
    private static partial void LogAddressExhausted(ILogger logger, string email, string address);
}
