using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

/// <summary>
/// The people, API clients and the system who act in the specifications, one per role, for every test project.
/// Ids follow the host's form (<c>user:…</c>, <c>api-client:…</c>).
/// </summary>
public static class Actors
{
    public static Actor Warehouse { get; } = Person("user:wim", "Wim (warehouse)", Roles.WarehouseManager);
    public static Actor Finance { get; } = Person("user:fay", "Fay (finance)", Roles.Finance);
    public static Actor Operations { get; } = Person("user:olga", "Olga (operations)", Roles.OperationsManager);
    public static Actor CustomerService { get; } = Person("user:cato", "Cato (customer service)", Roles.CustomerService);
    public static Actor Planner { get; } = Person("user:pia", "Pia (planner)", Roles.Planner);
    public static Actor Executive { get; } = Person("user:erik", "Erik (executive)", Roles.Executive);
    public static Actor Admin { get; } = Person("user:ada", "Ada (admin)", Roles.Admin);
    public static Actor System => Actor.System;

    /// <summary>A second operations manager, for the four-eyes rules.</summary>
    public static Actor OtherOperations { get; } = Person("user:omar", "Omar (operations)", Roles.OperationsManager);

    /// <summary>The web shop's API client: customer service on the WEB channel only.</summary>
    public static Actor WebShop { get; } = new("api-client:web", "Web shop", [Roles.CustomerService], ["WEB"]);

    /// <summary>One person per role and the system; property tests pick from this list.</summary>
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
