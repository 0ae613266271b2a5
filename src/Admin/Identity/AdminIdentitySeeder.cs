using System.Security.Claims;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Users;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Identity;

/// <summary>
/// Creates the admin roles and, on an empty user store, the first administrator. Runs at every start;
/// everything it does is skipped when already done, so restarts and several nodes are harmless.
/// </summary>
public sealed partial class AdminIdentitySeeder(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminBootstrapOptions> options,
    ISecretFiles secretFiles,
    ILogger<AdminIdentitySeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.Assignable)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (users.Users.Any())
        {
            return;
        }

        var configured = options.Value.InitialPassword;
        var password = string.IsNullOrWhiteSpace(configured) ? InitialPasswordGenerator.Generate() : configured;
        var admin = new IdentityUser(AdminBootstrapOptions.InitialAdminEmail)
        {
            Email = AdminBootstrapOptions.InitialAdminEmail,
            EmailConfirmed = true,
        };
        EnsureSucceeded(
            await users.CreateAsync(admin, password),
            $"create the initial administrator {admin.Email} (does {AdminBootstrapOptions.SectionName}:InitialPassword meet the password policy?)");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), "grant the Admin role");

        if (string.IsNullOrWhiteSpace(configured))
        {
            // A password that sat in a file is no longer only the administrator's: they choose their own at the first sign-in.
            EnsureSucceeded(await users.AddClaimAsync(admin, new Claim(UserClaimTypes.MustChangePassword, UserClaimTypes.Marked)), "ask for a new password");
            var path = await secretFiles.WriteAsync(options.Value.InitialPasswordDirectory, AdminBootstrapOptions.InitialPasswordFileName, password, cancellationToken);
            LogGeneratedPassword(logger, AdminBootstrapOptions.InitialAdminEmail, path, AdminServiceCollectionExtensions.ChangePasswordPath);
        }
        else
        {
            LogConfiguredPassword(logger, AdminBootstrapOptions.InitialAdminEmail, AdminBootstrapOptions.SectionName + ":InitialPassword");
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            var reasons = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Could not {action}: {reasons}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the initial administrator {Email}; its generated password is in {PasswordFile} (readable by the owner only). Sign in and change it at {ChangePasswordPage} (the admin asks for that at the first sign-in).")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string passwordFile, string changePasswordPage);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Created the initial administrator {Email} with the password from {ConfigurationKey}.")]
    private static partial void LogConfiguredPassword(ILogger logger, string email, string configurationKey);
}
