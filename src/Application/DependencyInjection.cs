using EcomErp.Application.Abstractions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomErp.Application;

public static class DependencyInjection
{
    private static readonly Type[] HandlerContracts = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IDomainEventHandler<>), typeof(IDomainEventBatchHandler<>)];

    /// <summary>Registers the use cases, their validators and the event handlers that drive automatic progression.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddScoped<Orders.OrderChecks>();
        services.AddScoped<Allocation.AllocationSetupLoader>();
        services.AddScoped<Allocation.SubstituteLookup>();
        services.AddSingleton<Allocation.AllocationMasterDataCache>();
        services.AddScoped<Orders.OrderAllocation>();
        services.AddScoped<Orders.CarrierBookings>();
        // The automation's steps on an order it loaded itself (no audit: the system's commands are not audited).
        services.AddScoped<Orders.Automation.OrderBatchStep>();
        services.TryAddSingleton<Orders.Automation.AutomationMetrics>();
        services.AddScoped<Orders.ValidateOrder.ValidateOrderHandler>();
        services.AddScoped<Orders.AllocateOrder.AllocateOrderHandler>();
        services.AddScoped<Orders.InvoiceOrder.InvoiceOrderHandler>();
        services.AddScoped<Access.ApiClientAccess>();
        services.AddScoped<Access.FourEyes>();
        services.AddScoped<Policies.PolicyChangeDecisions>();
        services.AddScoped<Catalog.ActivateChannel.ChannelActivation>();
        services.AddScoped<Exceptions.IExceptionSlaPolicies, Exceptions.GovernedExceptionSlaPolicies>();
        services.AddScoped<ParkedEvents.IntegrationFailureCases>();
        services.TryAddKeyedSingleton(ConcurrencyRetry.ClockKey, TimeProvider.System);
        services.AddSingleton<ConcurrencyRetry>();
        services.AddScoped<Audit.CommandAudit>();
        services.AddHandlers();
        // After the scan, so every command handler it found is wrapped, and before any host adds its own.
        services.Decorate(typeof(ICommandHandler<,>), typeof(Audit.AuditedCommandHandler<,>));
        return services;
    }

    /// <summary>
    /// Registers every command, query and event handler of this assembly by convention, internal ones included
    /// (most handlers are internal to their use case), each under the handler contracts it implements and nothing else.
    /// </summary>
    private static void AddHandlers(this IServiceCollection services) =>
        services.Scan(scan => scan.FromAssemblyOf<ConcurrencyRetry>()
            // An open generic class is no handler of its own: the audit decorator (registered by Decorate) is the only one.
            .AddClasses(classes => classes.AssignableToAny(HandlerContracts).Where(type => !type.IsGenericTypeDefinition), publicOnly: false)
            .AsImplementedInterfaces(IsHandlerContract)
            .WithScopedLifetime());

    private static bool IsHandlerContract(Type contract) =>
        contract.IsGenericType && HandlerContracts.Contains(contract.GetGenericTypeDefinition());
}
