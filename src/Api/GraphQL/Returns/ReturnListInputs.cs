using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

public sealed class ReturnFilterInput
{
    public List<string>? Channels { get; set; }
    public List<ReturnStatus>? Statuses { get; set; }
    public string? OrderId { get; set; }
    public string? Location { get; set; }
    public bool? NeedsApproval { get; set; }
    public DateTimeOffset? RequestedFrom { get; set; }
    public DateTimeOffset? RequestedTo { get; set; }
    public int? OlderThanDays { get; set; }
    public string? RmaText { get; set; }

    /// <summary>The filter ListReturns checks; only a malformed order id is the schema's to refuse.</summary>
    public ReturnFilter ToFilter()
    {
        Guid? orderId = null;
        if (OrderId is not null)
            orderId = Guid.TryParse(OrderId, out var id)
                ? id
                : throw new ExecutionError($"'{OrderId}' is not a valid id for filter.orderId.") { Code = SchemaErrorCodes.InvalidArgument };
        return new ReturnFilter(Channels, Statuses, orderId, Location, NeedsApproval, RequestedFrom, RequestedTo, OlderThanDays, RmaText);
    }
}

public sealed class ReturnFilterInputType : InputObjectGraphType<ReturnFilterInput>
{
    public ReturnFilterInputType()
    {
        Name = "ReturnFilter";
        Description = "Narrows a return list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("channels").Description("Only returns of these channel codes (within the caller's own channels).");
        Field<ListGraphType<NonNullGraphType<ReturnStatusType>>>("statuses").Description("Only returns in one of these states.");
        Field<IdGraphType>("orderId").Description("Only the returns of this order.");
        Field<StringGraphType>("location").Description("Only returns received at this location code.");
        Field<BooleanGraphType>("needsApproval").Description("Only returns that did (true) or did not (false) need a second person's authorisation.");
        Field<DateTimeOffsetGraphType>("requestedFrom").Description("Only returns requested at or after this time.");
        Field<DateTimeOffsetGraphType>("requestedTo").Description("Only returns requested before this time; after requestedFrom (else RETURN_FILTER_RANGE_INVALID).");
        Field<IntGraphType>("olderThanDays")
            .Description($"Only returns that have been in their current state at least this many days at the time of the query, 0 to {ReturnFilter.MaxOlderThanDays} (else RETURN_FILTER_AGE_INVALID).");
        Field<StringGraphType>("rmaText").Description("Only returns whose RMA number contains this text, ignoring case (else RETURN_FILTER_RMA_INVALID when blank).");
    }
}

public sealed class ReturnSortInputType() : SortInputType<ReturnSortField, ReturnSortFieldType>("ReturnSort", "a return list", "id", Default)
{
    public static readonly SortInput<ReturnSortField> Default = new() { Field = ReturnSortField.RequestedAt, Direction = SortDirection.Desc };
}

public sealed class ReturnSortFieldType() : DescribedEnumType<ReturnSortField>("ReturnSortField", "Fields a return list can be sorted by.",
    new Dictionary<ReturnSortField, string>
    {
        [ReturnSortField.RequestedAt] = "When the return was requested.",
        [ReturnSortField.Status] = "Status in workflow order: REQUESTED, AUTHORIZED, IN_TRANSIT, RECEIVED, INSPECTED, DISPOSITIONED, REFUNDED, CLOSED, then REJECTED and CANCELLED.",
        [ReturnSortField.Age] = "How long the return has been in its current state; DESC puts the longest waiting first.",
        [ReturnSortField.Rma] = "The RMA number (its year, then its counter).",
    });
