using System.Reflection;
using NetArchTest.Rules;

namespace EcomErp.Architecture.Tests;

/// <summary>The dependency rule of the design card, checked on the compiled assemblies.</summary>
public class LayeringTests
{
    private static readonly Assembly Domain = Assembly.Load("EcomErp.Domain");
    private static readonly Assembly Application = Assembly.Load("EcomErp.Application");
    private static readonly Assembly Infrastructure = Assembly.Load("EcomErp.Infrastructure");
    private static readonly Assembly Admin = Assembly.Load("EcomErp.Admin");
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherProject()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("EcomErp.Application", "EcomErp.Infrastructure", "EcomErp.Api", "EcomErp.Admin")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Domain_ReferencesOnlyTheBaseLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name is "System" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal),
            $"EcomErp.Domain references {name}"));
    }

    [Fact]
    public void Domain_UsesNoPackageNamespaces()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Microsoft", "Hangfire", "StackExchange", "GraphQL", "FluentValidation", "Newtonsoft")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Application_DependsOnlyOnTheDomain()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny(
                "EcomErp.Infrastructure", "EcomErp.Api", "EcomErp.Admin",
                "Microsoft.EntityFrameworkCore", "Hangfire", "StackExchange.Redis", "Microsoft.AspNetCore", "GraphQL")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        var projects = Application.GetReferencedAssemblies().Select(reference => reference.Name!)
            .Where(name => name.StartsWith("EcomErp.", StringComparison.Ordinal));
        Assert.Equal(["EcomErp.Domain"], projects);
    }

    [Fact]
    public void NothingDependsOnTheHost()
    {
        foreach (var assembly in new[] { Domain, Application, Infrastructure, Admin })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn("EcomErp.Api").GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name}: {Failing(result)}");
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), reference => reference.Name == Api.GetName().Name);
        }
    }

    [Fact]
    public void Admin_DoesNotDependOnInfrastructure()
    {
        var result = Types.InAssembly(Admin).ShouldNot().HaveDependencyOnAny("EcomErp.Infrastructure", "Microsoft.EntityFrameworkCore").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Admin.GetReferencedAssemblies(), reference => reference.Name == "EcomErp.Infrastructure");
    }

    [Fact]
    public void GraphQLTypes_DoNotDependOnInfrastructure()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("EcomErp.Api.GraphQL")
            .ShouldNot().HaveDependencyOnAny("EcomErp.Infrastructure", "Microsoft.EntityFrameworkCore").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void GraphQLTypes_ReadThroughQueryHandlers_NeverThroughAStorePort()
    {
        // The ports a query handler reads from: read models, repositories, the catalog and master data (decision 021).
        var stores = Application.GetTypes()
            .Where(type => type.IsInterface && (type.Name.EndsWith("ReadModels", StringComparison.Ordinal)
                || type.Name.EndsWith("Repository", StringComparison.Ordinal) || type.Name is "ICatalog" or "IMasterDataReader"))
            .Select(type => type.FullName!)
            .ToArray();
        Assert.Contains("EcomErp.Application.Orders.ReadModels.IOrderReadModels", stores);

        var result = Types.InAssembly(Api).That().ResideInNamespace("EcomErp.Api.GraphQL").ShouldNot().HaveDependencyOnAny(stores).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    private static string Failing(TestResult result) =>
        "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
