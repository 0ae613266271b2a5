using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.GetTransfer;

/// <summary>One transfer by id, with its lines as shipped and received (transfers have no read model, like adjustments).</summary>
public sealed record GetTransfer(Guid TransferId);

/// <summary>An unknown id is no transfer (null).</summary>
internal sealed class GetTransferHandler(IInventoryRepository inventory) : IQueryHandler<GetTransfer, TransferView?>
{
    public async Task<Result<TransferView?>> HandleAsync(GetTransfer query, CancellationToken cancellationToken) =>
        Result<TransferView?>.Success(await inventory.GetTransferAsync(new TransferId(query.TransferId), cancellationToken) is { } transfer
            ? TransferView.From(transfer)
            : null);
}
