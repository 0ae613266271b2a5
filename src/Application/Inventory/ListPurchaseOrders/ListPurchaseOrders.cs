using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListPurchaseOrders;

/// <summary>Narrows a purchase order list; every given criterion must hold. Codes as the client typed them.</summary>
public sealed record PurchaseOrderListFilter(
    IReadOnlyList<PurchaseOrderStatus>? Statuses = null, string? Supplier = null, string? Location = null, DateOnly? ExpectedBefore = null);

/// <summary>One page of purchase orders from the read model, sorted in the store.</summary>
public sealed record ListPurchaseOrders(PurchaseOrderListFilter Filter, PurchaseOrderSortField SortField, bool Descending, PurchaseOrderSlice Slice);

/// <summary>
/// Checks the filter, then that a location it names holds ledger entries (as the ledger query does: locations have no
/// events, so the read side knows them by their entries) and a supplier it names is in the supplier master, then reads the page.
/// </summary>
internal sealed class ListPurchaseOrdersHandler(
    IPurchaseOrderReadModels purchaseOrders, IInventoryLedgerReadModels ledger, IMasterDataReader masterData, IValidator<ListPurchaseOrders> validator)
    : IQueryHandler<ListPurchaseOrders, PurchaseOrderPage>
{
    public async Task<Result<PurchaseOrderPage>> HandleAsync(ListPurchaseOrders query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<PurchaseOrderPage>.Failure(valid.Errors);

        var filter = query.Filter;
        var location = filter.Location is null ? (LocationCode?)null : LocationCode.Of(filter.Location);
        if (location is { } named && !await ledger.IsKnownLocationAsync(named.Value, cancellationToken))
            return InventoryErrors.UnknownLocation(named, "filter.location");
        var supplier = filter.Supplier is null ? (SupplierCode?)null : SupplierCode.Of(filter.Supplier);
        if (supplier is { } kept && await masterData.FindSupplierAsync(kept, cancellationToken) is null)
            return SupplierErrors.NotFound(kept, "filter.supplier");

        return await purchaseOrders.ListAsync(new PurchaseOrderListRequest(
            new PurchaseOrderFilter(filter.Statuses, supplier?.Value, location?.Value, filter.ExpectedBefore),
            query.SortField, query.Descending, query.Slice), cancellationToken);
    }
}

internal sealed class ListPurchaseOrdersValidator : AbstractValidator<ListPurchaseOrders>
{
    public ListPurchaseOrdersValidator()
    {
        RuleFor(q => q.SortField).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(q => q.Slice.Size).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(q => q.Filter).ChildRules(filter =>
        {
            filter.RuleForEach(f => f.Statuses).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
            filter.RuleFor(f => f.Supplier!).Satisfies(s => SupplierCode.Create(s)).When(f => f.Supplier is not null);
            filter.RuleFor(f => f.Location!).IsLocation().When(f => f.Location is not null);
        });
    }
}
