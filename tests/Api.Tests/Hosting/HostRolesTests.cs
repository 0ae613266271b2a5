using EcomErp.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Tests.Hosting;

public class HostRolesTests
{
    private static HostRoles Read(params (string Key, string Value)[] settings) =>
        HostRoles.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void FromConfiguration_WhenNothingIsSet_RunsEveryRole() =>
        Assert.Equal(HostRoles.All, Read());

    [Fact]
    public void FromConfiguration_ReadsACommaSeparatedList_IgnoringCaseAndSpaces() =>
        Assert.Equal(new HostRoles(Api: true, Admin: false, Worker: true), Read(("EcomErp:Roles", " API , worker")));

    [Fact]
    public void FromConfiguration_ReadsAnArray() =>
        Assert.Equal(new HostRoles(Api: false, Admin: true, Worker: false), Read(("EcomErp:Roles:0", "admin")));

    [Fact]
    public void FromConfiguration_WhenArrayEntriesComeOnTopOfTheDefaultList_TheArrayWins() =>
        Assert.Equal(
            new HostRoles(Api: false, Admin: false, Worker: true),
            Read(("EcomErp:Roles", "api,admin,worker"), ("EcomErp:Roles:0", "worker")));

    [Fact]
    public void FromConfiguration_WhenARoleIsUnknown_FailsNamingTheKeyTheRoleAndTheChoices()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(("EcomErp:Roles", "api,reporting")));

        Assert.Contains("EcomErp:Roles", error.Message, StringComparison.Ordinal);
        Assert.Contains("'reporting'", error.Message, StringComparison.Ordinal);
        Assert.Contains("api, admin, worker", error.Message, StringComparison.Ordinal);
    }
}
