using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Tests.Builders;

/// <summary>The people (and the system) who act on orders in these specifications, one per role.</summary>
public static class Actors
{
    public static Actor Warehouse { get; } = Person("wendy", "Wendy Warehouse", Roles.WarehouseManager);
    public static Actor Finance { get; } = Person("fred", "Fred Finance", Roles.Finance);
    public static Actor Operations { get; } = Person("olga", "Olga Operations", Roles.OperationsManager);
    public static Actor CustomerService { get; } = Person("carl", "Carl Customer-Service", Roles.CustomerService);
    public static Actor Planner { get; } = Person("pia", "Pia Planner", Roles.Planner);
    public static Actor Executive { get; } = Person("erik", "Erik Executive", Roles.Executive);
    public static Actor Admin { get; } = Person("ada", "Ada Admin", Roles.Admin);
    public static Actor System => Actor.System;

    /// <summary>Everybody above; property tests pick from this list.</summary>
    public static IReadOnlyList<Actor> All { get; } = [Warehouse, Finance, Operations, CustomerService, Planner, Executive, Admin, System];

    /// <summary>The actor whose role owns the step into <paramref name="target"/>.</summary>
    public static Actor OwnerOf(OrderStatus target) => target switch
    {
        OrderStatus.Validated or OrderStatus.Allocated or OrderStatus.Backordered or OrderStatus.PartiallyAllocated => System,
        OrderStatus.Released => Operations,
        OrderStatus.Picking or OrderStatus.Packed or OrderStatus.PartiallyShipped or OrderStatus.Shipped => Warehouse,
        OrderStatus.Invoiced or OrderStatus.Completed => Finance,
        OrderStatus.Cancelled => CustomerService,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "no command moves an order there"),
    };

    public static Actor ById(string id) => All.Single(a => a.Id == id);

    public static Actor Person(string id, string name, params string[] roles) => new(id, name, roles);
}
