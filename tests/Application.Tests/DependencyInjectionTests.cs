using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests;

public sealed class DependencyInjectionTests
{
    private static readonly Type[] HandlerContracts = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IDomainEventHandler<>), typeof(IDomainEventBatchHandler<>)];

    /// <summary>Every concrete handler of the Application assembly, public or internal, with each handler contract it implements.</summary>
    private static readonly (Type Contract, Type Handler)[] Handlers =
    [
        .. from type in typeof(DependencyInjection).Assembly.GetTypes()
           where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
           from contract in type.GetInterfaces()
           where contract.IsGenericType && HandlerContracts.Contains(contract.GetGenericTypeDefinition())
           select (contract, type),
    ];

    private static bool IsCommandHandler(Type contract) => contract.GetGenericTypeDefinition() == typeof(ICommandHandler<,>);

    /// <summary>
    /// The handler registered under a command contract: the audit decorator takes the contract itself, and the handler it wraps
    /// stays registered under a key of its own (Scrutor's "decorated" key).
    /// </summary>
    private static Type? HandlerOf(ServiceDescriptor descriptor) => descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;

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
            registered.Where(d => HandlerOf(d) is not null).Select(d => $"{d.ServiceType} <- {HandlerOf(d)}").Order());
        // The only registrations without a handler type are the decorators, one per command contract.
        Assert.Equal(
            Handlers.Where(h => IsCommandHandler(h.Contract)).Select(h => h.Contract.ToString()).Order(),
            registered.Where(d => HandlerOf(d) is null).Select(d => d.ServiceType.ToString()).Order());
    }

    [Fact]
    public async Task EveryHandler_ResolvesFromTheHostsContainer_UnderEachOfItsContracts_EveryCommandHandlerWrappedByTheAudit()
    {
        List<ServiceDescriptor> services = [];
        await using var host = await ErpTestHost.StartAsync(new ErpTestHostOptions { Services = composed => services = [.. composed] });
        await using var scope = host.Services.CreateAsyncScope();

        Assert.All(Handlers.Where(h => !IsCommandHandler(h.Contract)), h =>
            Assert.Single(scope.ServiceProvider.GetServices(h.Contract), service => service!.GetType() == h.Handler));
        Assert.All(Handlers.Where(h => IsCommandHandler(h.Contract)), h =>
        {
            var audited = Assert.Single(scope.ServiceProvider.GetServices(h.Contract));
            Assert.Equal(typeof(AuditedCommandHandler<,>).MakeGenericType(h.Contract.GetGenericArguments()), audited!.GetType());
            var key = services.Single(d => d.ServiceType == h.Contract && d.IsKeyedService).ServiceKey;
            Assert.Equal(h.Handler, scope.ServiceProvider.GetRequiredKeyedService(h.Contract, key).GetType());
        });
    }

    /// <summary>
    /// What makes every command by a person or API client reach the audit log: its handler is wrapped (above), and the command says
    /// who sends it and what it is about. A command without an actor is the system's alone (a job's) and is not recorded.
    /// </summary>
    [Fact]
    public void EveryCommandThatCarriesAnActor_IsAnAuditedCommand_NamingItsSubject()
    {
        var commands = Handlers.Where(h => IsCommandHandler(h.Contract)).Select(h => h.Contract.GetGenericArguments()[0]).Distinct().ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.True(
            typeof(IAuditedCommand).IsAssignableFrom(command) || command.GetProperty(nameof(IAuditedCommand.Actor)) is null,
            $"{command.Name} carries an Actor but is not an {nameof(IAuditedCommand)}, so the audit log would miss it."));
        Assert.Contains(commands, command => !typeof(IAuditedCommand).IsAssignableFrom(command));
    }

    [Fact]
    public async Task TheComposition_KeepsTheClockRegisteredBeforeIt_AsTheOnlyOne()
    {
        await using var host = await ErpTestHost.StartAsync();

        Assert.Same(host.Time, Assert.Single(host.Services.GetServices<TimeProvider>()));
    }
}
