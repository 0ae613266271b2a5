using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>A planner's command on one SKU of the catalog, named by its code as a person typed it.</summary>
public abstract record SkuCommand(Actor Actor, string Code) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Sku>(Code);
}
