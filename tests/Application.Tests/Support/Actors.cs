using EcomErp.Domain.Common;

namespace EcomErp.Application.Tests.Support;

public static class Actors
{
    public static readonly Actor WebShop = new("api-client:web", "Web shop", [Roles.CustomerService], ["WEB"]);
    public static readonly Actor Operations = new("user:olga", "Olga (operations)", [Roles.OperationsManager]);
    public static readonly Actor OtherOperations = new("user:omar", "Omar (operations)", [Roles.OperationsManager]);
    public static readonly Actor Warehouse = new("user:wim", "Wim (warehouse)", [Roles.WarehouseManager]);
    public static readonly Actor Finance = new("user:fay", "Fay (finance)", [Roles.Finance]);
    public static readonly Actor CustomerService = new("user:cato", "Cato (customer service)", [Roles.CustomerService]);
    public static readonly Actor Admin = new("user:ada", "Ada (admin)", [Roles.Admin]);
}
