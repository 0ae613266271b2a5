using System.Text.RegularExpressions;
using EcomErp.Api.Hosting;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcomErp.Api.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot run on the build machines, so its environment is loaded here the way the host loads
/// environment variables (<c>__</c> becomes <c>:</c>) and bound to the host's own configuration readers.
/// </summary>
public partial class DockerComposeTests
{
    private static readonly string RepositoryRoot = RepositoryFolder.Root;

    private static readonly YamlMappingNode Services = LoadServices();

    public static TheoryData<string, string> HostServices => new()
    {
        { "api", HostRoles.ApiRole },
        { "admin", HostRoles.AdminRole },
        { "worker", HostRoles.WorkerRole },
    };

    [Theory]
    [MemberData(nameof(HostServices))]
    public void HostService_RunsExactlyItsOwnRole(string service, string role)
    {
        var roles = HostRoles.FromConfiguration(EnvironmentAsConfiguration(service));

        Assert.Equal(role, roles.ToString());
    }

    [Theory]
    [MemberData(nameof(HostServices))]
    public void HostService_UsesSqlServerAndRedis_WithAConnectionStringThatParses(string service, string role)
    {
        _ = role;
        var configuration = EnvironmentAsConfiguration(service);

        var database = DatabaseOptions.FromConfiguration(configuration);
        Assert.Equal(DatabaseProvider.SqlServer, database.Provider);
        Assert.False(database.SeedDemoData);
        var erp = new SqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal("sqlserver,1433", erp.DataSource);
        Assert.Equal("EcomErp", erp.InitialCatalog);
        Assert.Equal("redis:6379", configuration.GetConnectionString("Redis"));
        Assert.Contains("redis", DependsOn(service));
    }

    [Theory]
    [MemberData(nameof(HostServices))]
    public void HostService_SetsOnlyKeysTheHostKnows(string service, string role)
    {
        _ = role;
        var known = KnownHostKeys();

        var unknown = Environment(service).Keys
            .Where(key => !key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .Select(ConfigurationKey)
            .Where(key => !known.Contains(ArrayIndex().Replace(key, string.Empty)))
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("redis")]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("worker")]
    public void Service_HasAHealthCheck(string service)
    {
        var healthcheck = Assert.IsType<YamlMappingNode>(Service(service)["healthcheck"]);

        Assert.True(healthcheck.Children.ContainsKey("test"));
    }

    [Fact]
    public void HostServices_ReadyProbe_IsTheHostsReadyEndpoint()
    {
        var test = (YamlSequenceNode)((YamlMappingNode)Service("api")["healthcheck"])["test"];

        Assert.Contains(test.Children, part => part.ToString().EndsWith(HostComposition.ReadyPath, StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_AreReferencesToTheEnvironment_NeverLiterals()
    {
        var sqlServer = Environment("sqlserver");
        Assert.Matches(RequiredVariable(), sqlServer["MSSQL_SA_PASSWORD"]);
        Assert.Equal("mcr.microsoft.com/mssql/server:2022-latest", Service("sqlserver")["image"].ToString());
        Assert.Equal("redis:7", Service("redis")["image"].ToString());

        foreach (var service in new[] { "api", "admin", "worker" })
        {
            var password = new SqlConnectionStringBuilder(Environment(service)["ConnectionStrings__Erp"]).Password;
            Assert.Matches(RequiredVariable(), password);
        }

        Assert.Matches(RequiredVariable(), Environment("admin")["EcomErp__Admin__InitialPassword"]);
    }

    private static IConfiguration EnvironmentAsConfiguration(string service) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Environment(service).Select(pair => new KeyValuePair<string, string?>(ConfigurationKey(pair.Key), pair.Value)))
            .Build();

    // The same mapping the environment-variables configuration provider applies.
    private static string ConfigurationKey(string variable) => variable.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <summary>Every key the host reads is listed, with its default, in the host's appsettings.json.</summary>
    private static HashSet<string> KnownHostKeys()
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot, "src", "Api", "appsettings.json"), optional: false)
            .Build();
        return settings.AsEnumerable().Select(pair => pair.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> Environment(string service)
    {
        var environment = Service(service)["environment"];
        return environment switch
        {
            YamlMappingNode mapping => mapping.Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString()),
            YamlSequenceNode list => list.Children.Select(item => item.ToString().Split('=', 2)).ToDictionary(parts => parts[0], parts => parts[1]),
            _ => throw new InvalidOperationException($"service {service} has no environment"),
        };
    }

    private static List<string> DependsOn(string service) => Service(service)["depends_on"] switch
    {
        YamlMappingNode mapping => mapping.Children.Keys.Select(key => key.ToString()).ToList(),
        YamlSequenceNode list => list.Children.Select(item => item.ToString()).ToList(),
        _ => [],
    };

    private static YamlMappingNode Service(string name) =>
        Services.Children.TryGetValue(new YamlScalarNode(name), out var node)
            ? (YamlMappingNode)node
            : throw new InvalidOperationException($"docker-compose.yml has no service '{name}'");

    private static YamlMappingNode LoadServices()
    {
        using var reader = File.OpenText(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var stream = new YamlStream();
        // Compose files share blocks through anchors and merge keys (<<: *x); the merging parser resolves them.
        stream.Load(new MergingParser(new Parser(reader)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)root["services"];
    }

    [GeneratedRegex(@"^\$\{[A-Z_]+:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@":\d+$")]
    private static partial Regex ArrayIndex();
}
