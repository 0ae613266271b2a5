using EcomErp.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests;

public sealed class DependencyInjectionTests
{
    private static readonly Type[] HandlerContracts = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IDomainEventHandler<>)];

    /// <summary>Every concrete handler of the Application assembly, public or internal, with each handler contract it implements.</summary>
    private static readonly (Type Contract, Type Handler)[] Handlers =
    [
        .. from type in typeof(DependencyInjection).Assembly.GetTypes()
           where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
           from contract in type.GetInterfaces()
           where contract.IsGenericType && HandlerContracts.Contains(contract.GetGenericTypeDefinition())
           select (contract, type),
    ];

    [Fact]
    public void AddApplication_RegistersEveryHandler_OnceUnderEachOfItsContracts_Scoped_AndNothingElseUnderThem()
    {
        var registered = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType.IsGenericType && HandlerContracts.Contains(d.ServiceType.GetGenericTypeDefinition()))
            .ToList();

        Assert.Contains(Handlers, h => h.Handler.IsNotPublic);
        Assert.All(registered, d => Assert.Equal(ServiceLifetime.Scoped, d.Lifetime));
        Assert.Equal(
            Handlers.Select(h => $"{h.Contract} <- {h.Handler}").Order(),
            registered.Select(d => $"{d.ServiceType} <- {d.ImplementationType}").Order());
    }

    [Fact]
    public async Task EveryHandler_ResolvesFromTheHostsContainer_UnderEachOfItsContracts()
    {
        await using var host = await ErpTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.All(Handlers, h =>
            Assert.Single(scope.ServiceProvider.GetServices(h.Contract), service => service!.GetType() == h.Handler));
    }

    [Fact]
    public async Task TheComposition_KeepsTheClockRegisteredBeforeIt_AsTheOnlyOne()
    {
        await using var host = await ErpTestHost.StartAsync();

        Assert.Same(host.Time, Assert.Single(host.Services.GetServices<TimeProvider>()));
    }
}
