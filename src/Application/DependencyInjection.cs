using EcomErp.Application.Abstractions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases, their validators and the event handlers that drive automatic progression.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddScoped<Orders.OrderChecks>();
        services.AddScoped<Allocation.AllocationSetupLoader>();
        services.AddScoped<Orders.OrderAllocation>();
        services.AddScoped<Access.ApiClientAccess>();
        services.Scan();
        return services;
    }

    /// <summary>Registers every command, query and event handler of this assembly by convention.</summary>
    private static void Scan(this IServiceCollection services)
    {
        var open = new[] { typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IDomainEventHandler<>) };
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
                services.AddScoped(contract, type);
        }
    }
}
