using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.Kpis.GetReturnKpiCustomer;

/// <summary>
/// The e-mail behind a customer's case subject id (decision 044), for the admin's case page: the case itself carries only the
/// name-based id, so the address (personal data) is shown where a person of the case's queue opens it, and nowhere else.
/// </summary>
public sealed record GetReturnKpiCustomer(Guid CustomerId);

/// <summary>Null when the KPIs counted no shipment to that customer (or a rebuild has not reached it yet).</summary>
internal sealed class GetReturnKpiCustomerHandler(IReturnKpiReader kpis) : IQueryHandler<GetReturnKpiCustomer, string?>
{
    public async Task<Result<string?>> HandleAsync(GetReturnKpiCustomer query, CancellationToken cancellationToken) =>
        Result<string?>.Success(await kpis.CustomerEmailAsync(query.CustomerId, cancellationToken));
}
