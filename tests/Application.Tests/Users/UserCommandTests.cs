using EcomErp.Application.Users;
using EcomErp.Application.Users.ChangePassword;
using EcomErp.Application.Users.CreateUser;
using EcomErp.Application.Users.ListUsers;
using EcomErp.Application.Users.LockUser;
using EcomErp.Application.Users.ResetUserPassword;
using EcomErp.Application.Users.SetUserRoles;
using EcomErp.Application.Users.UnlockUser;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Users;

/// <summary>The user commands on the real SQLite file through Identity's store, as the host composes it.</summary>
public sealed class UserCommandTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync(new ErpTestHostOptions { SeedDemoData = false });
        await _host.InScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.Assignable)
                await roles.CreateAsync(new IdentityRole(role));
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Each command a second after the one before, so the audit entries read in the order they were made.</summary>
    private Task<Result<T>> SendAsync<TCommand, T>(TCommand command)
    {
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        return _host.SendAsync<TCommand, T>(command);
    }

    private async Task<CreatedUser> CreateAsync(string email, params string[] roles) =>
        (await SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Admin, email, email.Split('@')[0], roles))).Value;

    private static Actor PersonOf(UserAccount user) => new(Actor.PersonIdPrefix + user.Id, user.DisplayName, user.Roles);

    private Task<UserAccount?> FindAsync(Guid id) => _host.InScopeAsync(sp => sp.GetRequiredService<IUserAccounts>().FindAsync(id, CancellationToken.None));

    private Task<bool> PasswordWorksAsync(Guid id, string password) => _host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<IdentityUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(id.ToString()))!, password);
    });

    private Task<string> StampAsync(Guid id) => _host.InScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<IdentityUser>>().FindByIdAsync(id.ToString()))!.SecurityStamp!);

    private Task<List<AuditEntry>> EntriesAsync(Guid id) => _host.WithDbAsync(async db =>
        (await db.AuditLog.AsNoTracking().Where(e => e.SubjectKind == UserAccount.AuditKind && e.SubjectId == id.ToString()).ToListAsync())
            .OrderBy(e => e.RecordedAt).ToList());

    private Task<int> UserCountAsync() => _host.WithDbAsync(db => db.Users.CountAsync());

    [Fact]
    public async Task CreateUser_StoresEmailNameAndRoles_WithAGeneratedPasswordTheyMustChange_AndAuditsTheUserWithoutTheSecret()
    {
        var created = await SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Admin, " fay@example.com ", " Fay Finance ", [Roles.Planner, Roles.Finance]));

        Assert.True(created.IsSuccess);
        var stored = await FindAsync(created.Value.User.Id);
        Assert.Equal(("fay@example.com", "Fay Finance", false, true), (stored!.Email, stored.DisplayName, stored.IsLocked, stored.MustChangePassword));
        Assert.Equal([Roles.Planner, Roles.Finance], stored.Roles);
        Assert.True(await PasswordWorksAsync(stored.Id, created.Value.OneTimePassword));
        var entry = Assert.Single(await EntriesAsync(stored.Id));
        Assert.Equal(("CreateUser", AuditOutcome.Succeeded, Actors.Admin.Id), (entry.Command, entry.Outcome, entry.ActorId));
        var change = Assert.Single(entry.Changes);
        Assert.Equal((UserAccount.AuditKind, stored.Id.ToString(), AuditedChangeKind.Added), (change.Record, change.Key, change.Kind));
        Assert.Contains(new AuditedValue("Roles", null, "Planner, Finance"), change.Values);
        Assert.Contains(new AuditedValue("Email", null, "fay@example.com"), change.Values);
        Assert.DoesNotContain(change.Values, v => v.After == created.Value.OneTimePassword || v.Property.Contains("Password", StringComparison.Ordinal) && v.Property != "MustChangePassword");
    }

    [Theory]
    [InlineData("not-an-email", "Name", Roles.Finance, UserErrors.EmailInvalid, "email")]
    [InlineData("Jane Doe <jane@example.com>", "Name", Roles.Finance, UserErrors.EmailInvalid, "email")]
    [InlineData("jane@example.com", "   ", Roles.Finance, UserErrors.DisplayNameInvalid, "displayName")]
    [InlineData("jane@example.com", "Name", Roles.System, UserErrors.RoleUnknown, "roles[0]")]
    [InlineData("jane@example.com", "Name", "Superuser", UserErrors.RoleUnknown, "roles[0]")]
    public async Task CreateUser_RefusesAnUnreadableEmailNameOrRole_WithItsCodeAndField_AndStoresNobody(
        string email, string displayName, string role, string code, string field)
    {
        var refused = await SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Admin, email, displayName, [role]));

        Assert.Equal((code, field), (refused.Error.Code, refused.Error.Field));
        Assert.Equal(0, await UserCountAsync());
    }

    [Fact]
    public async Task CreateUser_RefusesAnEmailInUse_WhateverItsCase_AndAPersonWhoIsNoAdministrator()
    {
        await CreateAsync("fay@example.com", Roles.Finance);

        var taken = await SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Admin, "FAY@example.com", "Other Fay", [Roles.Finance]));
        var notAdmin = await SendAsync<CreateUser, CreatedUser>(new CreateUser(Actors.Finance, "new@example.com", "New", [Roles.Finance]));

        Assert.Equal((UserErrors.EmailTaken, "email"), (taken.Error.Code, taken.Error.Field));
        Assert.Equal(CommonErrors.NotPermitted, notAdmin.Error.Code);
        Assert.Equal(1, await UserCountAsync());
        var refusal = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Command == "CreateUser" && e.ActorId == Actors.Finance.Id));
        Assert.Equal(AuditOutcome.Refused, refusal.Outcome);
        Assert.Equal([CommonErrors.NotPermitted], refusal.ErrorCodes);
    }

    [Fact]
    public async Task SetUserRoles_ReplacesTheRoles_AndTheAuditKeepsThemBeforeAndAfter()
    {
        var fay = (await CreateAsync("fay@example.com", Roles.Finance)).User;

        var changed = await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(Actors.Admin, fay.Id, [Roles.Executive, Roles.Finance]));
        var unknown = await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(Actors.Admin, fay.Id, [Roles.Finance, "Root"]));
        var missing = await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(Actors.Admin, Guid.NewGuid(), [Roles.Finance]));

        Assert.Equal([Roles.Finance, Roles.Executive], changed.Value.Roles);
        Assert.Equal([Roles.Finance, Roles.Executive], (await FindAsync(fay.Id))!.Roles);
        Assert.Equal((UserErrors.RoleUnknown, "roles[1]"), (unknown.Error.Code, unknown.Error.Field));
        Assert.Equal(UserErrors.NotFound, missing.Error.Code);
        var entries = await EntriesAsync(fay.Id);
        Assert.Equal(["CreateUser", "SetUserRoles", "SetUserRoles"], entries.Select(e => e.Command));
        Assert.Equal(new AuditedValue("Roles", "Finance", "Finance, Executive"), Assert.Single(Assert.Single(entries[1].Changes).Values));
        Assert.Equal(AuditOutcome.Refused, entries[2].Outcome);
        Assert.Equal([UserErrors.RoleUnknown], entries[2].ErrorCodes);
    }

    [Fact]
    public async Task TheLastUnlockedAdministrator_KeepsAdmin_AndCannotBeLocked_EvenByThemselves()
    {
        var ada = (await CreateAsync("ada@example.com", Roles.Admin)).User;
        var abe = (await CreateAsync("abe@example.com", Roles.Admin)).User;

        // Abe is locked, so Ada is the only administrator who can still sign in.
        Assert.True((await SendAsync<LockUser, UserAccount>(new LockUser(PersonOf(ada), abe.Id))).IsSuccess);
        var demoteSelf = await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(PersonOf(ada), ada.Id, [Roles.Finance]));
        var demoteByOther = await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(Actors.Admin, ada.Id, []));
        var locked = await SendAsync<LockUser, UserAccount>(new LockUser(Actors.Admin, ada.Id));

        Assert.Equal((UserErrors.LastAdmin, "roles"), (demoteSelf.Error.Code, demoteSelf.Error.Field));
        Assert.Equal(UserErrors.LastAdmin, demoteByOther.Error.Code);
        Assert.Equal(UserErrors.LastAdmin, locked.Error.Code);
        var stillAdmin = await FindAsync(ada.Id);
        Assert.Equal([Roles.Admin], stillAdmin!.Roles);
        Assert.False(stillAdmin.IsLocked);

        // Once Abe is back, either may step down.
        Assert.True((await SendAsync<UnlockUser, UserAccount>(new UnlockUser(PersonOf(ada), abe.Id))).IsSuccess);
        Assert.True((await SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(PersonOf(ada), ada.Id, [Roles.Finance]))).IsSuccess);
    }

    [Fact]
    public async Task TwoAdministratorsDemotingEachOtherAtOnce_LeaveOneAdministrator_TheOtherChangeIsRefused()
    {
        var ada = (await CreateAsync("ada@example.com", Roles.Admin)).User;
        var abe = (await CreateAsync("abe@example.com", Roles.Admin)).User;

        var results = await Task.WhenAll(
            Task.Run(() => SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(PersonOf(ada), abe.Id, [Roles.Planner]))),
            Task.Run(() => SendAsync<SetUserRoles, UserAccount>(new SetUserRoles(PersonOf(abe), ada.Id, [Roles.Planner]))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(UserErrors.LastAdmin, Assert.Single(results, r => r.IsFailure).Error.Code);
        Assert.Equal(1, await _host.InScopeAsync(sp => sp.GetRequiredService<IUserAccounts>().CountUnlockedAdminsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task LockUser_EndsTheSessions_RefusesOneself_AndUnlockUser_LetsThemIn_NeitherTwice()
    {
        var ada = (await CreateAsync("ada@example.com", Roles.Admin)).User;
        var fay = (await CreateAsync("fay@example.com", Roles.Finance)).User;
        var stamp = await StampAsync(fay.Id);

        var self = await SendAsync<LockUser, UserAccount>(new LockUser(PersonOf(ada), ada.Id));
        var locked = await SendAsync<LockUser, UserAccount>(new LockUser(PersonOf(ada), fay.Id));
        var again = await SendAsync<LockUser, UserAccount>(new LockUser(PersonOf(ada), fay.Id));

        Assert.Equal(UserErrors.CannotLockSelf, self.Error.Code);
        Assert.True(locked.Value.IsLocked);
        Assert.True((await FindAsync(fay.Id))!.IsLocked);
        Assert.NotEqual(stamp, await StampAsync(fay.Id));
        Assert.Equal(UserErrors.AlreadyLocked, again.Error.Code);

        var unlocked = await SendAsync<UnlockUser, UserAccount>(new UnlockUser(PersonOf(ada), fay.Id));
        var notLocked = await SendAsync<UnlockUser, UserAccount>(new UnlockUser(PersonOf(ada), fay.Id));
        var byFinance = await SendAsync<LockUser, UserAccount>(new LockUser(Actors.Finance, ada.Id));

        Assert.False((await FindAsync(fay.Id))!.IsLocked);
        Assert.True(unlocked.IsSuccess);
        Assert.Equal(UserErrors.NotLocked, notLocked.Error.Code);
        Assert.Equal(CommonErrors.NotPermitted, byFinance.Error.Code);
        Assert.Equal(new AuditedValue("IsLocked", "false", "true"),
            Assert.Single(Assert.Single((await EntriesAsync(fay.Id)).Single(e => e.Command == "LockUser" && e.Outcome == AuditOutcome.Succeeded).Changes).Values));
    }

    [Fact]
    public async Task ResetUserPassword_GivesANewOneTimePassword_TheOldStopsWorking_AndTheUserMustChangeIt()
    {
        var fay = await CreateAsync("fay@example.com", Roles.Finance);
        Assert.True((await SendAsync<ChangePassword, UserAccount>(new ChangePassword(PersonOf(fay.User), fay.OneTimePassword, "Fay-Own-Passw0rd!", "Fay-Own-Passw0rd!"))).IsSuccess);
        var stamp = await StampAsync(fay.User.Id);

        var reset = await SendAsync<ResetUserPassword, PasswordReset>(new ResetUserPassword(Actors.Admin, fay.User.Id));

        Assert.True(await PasswordWorksAsync(fay.User.Id, reset.Value.OneTimePassword));
        Assert.False(await PasswordWorksAsync(fay.User.Id, "Fay-Own-Passw0rd!"));
        Assert.True((await FindAsync(fay.User.Id))!.MustChangePassword);
        Assert.NotEqual(stamp, await StampAsync(fay.User.Id));
        var entry = (await EntriesAsync(fay.User.Id)).Last();
        Assert.Equal("ResetUserPassword", entry.Command);
        Assert.DoesNotContain(entry.Changes.SelectMany(c => c.Values), v => v.After == reset.Value.OneTimePassword);
    }

    [Fact]
    public async Task ChangePassword_ChecksTheCurrentOne_ThePolicyAndTheConfirmation_ThenClearsTheMustChangeMark()
    {
        var fay = await CreateAsync("fay@example.com", Roles.Finance);
        var me = PersonOf(fay.User);

        var wrongCurrent = await SendAsync<ChangePassword, UserAccount>(new ChangePassword(me, "not-it", "Fay-Own-Passw0rd!", "Fay-Own-Passw0rd!"));
        var weak = await SendAsync<ChangePassword, UserAccount>(new ChangePassword(me, fay.OneTimePassword, "abc", "abc"));
        var differs = await SendAsync<ChangePassword, UserAccount>(new ChangePassword(me, fay.OneTimePassword, "Fay-Own-Passw0rd!", "Fay-Own-Passw0rd?"));
        var apiClient = await SendAsync<ChangePassword, UserAccount>(new ChangePassword(Actors.WebShop, "x", "Fay-Own-Passw0rd!", "Fay-Own-Passw0rd!"));

        Assert.Equal((UserErrors.CurrentPasswordWrong, "currentPassword"), (wrongCurrent.Error.Code, wrongCurrent.Error.Field));
        Assert.Equal((UserErrors.PasswordRejected, "newPassword"), (weak.Error.Code, weak.Error.Field));
        Assert.Equal((UserErrors.PasswordConfirmationDiffers, "confirmPassword"), (differs.Error.Code, differs.Error.Field));
        Assert.Equal(CommonErrors.NotPermitted, apiClient.Error.Code);
        Assert.True((await FindAsync(fay.User.Id))!.MustChangePassword);
        Assert.True(await PasswordWorksAsync(fay.User.Id, fay.OneTimePassword));

        var changed = await SendAsync<ChangePassword, UserAccount>(new ChangePassword(me, fay.OneTimePassword, "Fay-Own-Passw0rd!", "Fay-Own-Passw0rd!"));

        Assert.True(changed.IsSuccess);
        Assert.False((await FindAsync(fay.User.Id))!.MustChangePassword);
        Assert.True(await PasswordWorksAsync(fay.User.Id, "Fay-Own-Passw0rd!"));
    }

    [Fact]
    public async Task ListUsers_FiltersByRoleLockAndSearch_InNameOrder_OnePageAtATime()
    {
        await CreateAsync("zoe@example.com", Roles.Finance);
        await CreateAsync("amy@example.com", Roles.Finance, Roles.Planner);
        var bob = (await CreateAsync("bob@other.org", Roles.Planner)).User;
        await SendAsync<LockUser, UserAccount>(new LockUser(Actors.Admin, bob.Id));

        async Task<UserAccountPage> ListAsync(UserAccountFilter filter, int page = 1, int size = 25) =>
            (await _host.QueryAsync<ListUsers, UserAccountPage>(new ListUsers(filter, page, size))).Value;

        Assert.Equal(["amy", "zoe"], (await ListAsync(new(Role: Roles.Finance))).Items.Select(u => u.DisplayName));
        Assert.Equal(["bob"], (await ListAsync(new(Locked: true))).Items.Select(u => u.DisplayName));
        Assert.Equal(["amy"], (await ListAsync(new(Role: Roles.Planner, Locked: false))).Items.Select(u => u.DisplayName));
        Assert.Equal(["bob"], (await ListAsync(new(Search: "OTHER.org"))).Items.Select(u => u.DisplayName));
        var second = await ListAsync(new(), page: 2, size: 2);
        Assert.Equal(["zoe"], second.Items.Select(u => u.DisplayName));
        Assert.Equal((3, 2), (second.TotalCount, second.PageCount));
        var unknownRole = await _host.QueryAsync<ListUsers, UserAccountPage>(new ListUsers(new(Role: "Root")));
        Assert.Equal(UserErrors.RoleUnknown, unknownRole.Error.Code);
    }
}
