using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Inventory;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.GetStockAdjustment;
using EcomErp.Domain.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Exceptions;

/// <summary>
/// What the ExceptionCase type resolves from: the list columns a page carries, and the full case once a field needs it.
/// A list item reads its full case at most once, and only when a detail field (reason, factors, timeline, …) is selected.
/// </summary>
public sealed class ExceptionCaseNode
{
    private Task<ExceptionCaseView>? _full;

    private ExceptionCaseNode(ExceptionCaseSummaryView summary, ExceptionCaseView? full)
    {
        Summary = summary;
        if (full is not null)
            _full = Task.FromResult(full);
    }

    public ExceptionCaseSummaryView Summary { get; }

    public static ExceptionCaseNode Of(ExceptionCaseSummaryView summary) => new(summary, null);

    public static ExceptionCaseNode Of(ExceptionCaseView view) => new(new ExceptionCaseSummaryView(
        view.Id, view.Type, view.Status, view.Subject.Kind, view.Subject.Id, view.Channel, view.Queue, view.Assignee, view.Priority.Value,
        view.RaisedAt, view.DueAt, view.IsOverdue, view.EscalationLevel, view.Version), view);

    /// <summary>
    /// The full case, read once per node. The list already applied the caller's visibility, so the read needs none; queries
    /// run their fields one after another (GraphQLComposition), so the node is never read twice at once.
    /// </summary>
    public Task<ExceptionCaseView> FullAsync(IResolveFieldContext context) => _full ??= ReadAsync(context);

    private async Task<ExceptionCaseView> ReadAsync(IResolveFieldContext context) =>
        context.ValueOrThrow(await context.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(Summary.Id)));

    /// <summary>The order the case is about, for a case about an order or a part of one.</summary>
    public Guid? OrderId => new ExceptionSubject(Summary.SubjectKind, Summary.SubjectId).ConcernsAnOrder() ? Summary.SubjectId : null;
}

public sealed class ExceptionCaseType : ObjectGraphType<ExceptionCaseNode>
{
    public ExceptionCaseType()
    {
        Name = "ExceptionCase";
        Description = "A decision a person owes: what it is about, whose queue it is in, its clock, its priority and why, and its timeline.";

        Field<NonNullGraphType<IdGraphType>>("id").Description("The case's id.").Resolve(c => c.Source.Summary.Id);
        Field<NonNullGraphType<ExceptionTypeType>>("type").Description("What kind of decision the case waits for.").Resolve(c => c.Source.Summary.Type);
        Field<NonNullGraphType<ExceptionCaseStatusType>>("status").Description("Where the case is.").Resolve(c => c.Source.Summary.Status);
        Field<NonNullGraphType<ExceptionSubjectType>>("subject").Description("What the case is about.").Resolve(c => c.Source);
        Field<OrderType>("order").Description("The order the case is about; null when its subject is not an order or a part of one, or the read model does not show it yet.")
            .Resolve(c => c.Source.OrderId is { } orderId ? OrderBatchLoader.For(c).Load(orderId, OrderNode.Of) : null);
        Field<StockAdjustmentType>("adjustment").Description("The stock adjustment the case is about; null unless its subject is a STOCK_ADJUSTMENT.")
            .ResolveAsync(async c => c.Source.Summary.SubjectKind == ExceptionSubjectKind.StockAdjustment
                ? c.ValueOrThrow(await c.QueryAsync<GetStockAdjustment, AdjustmentView?>(new GetStockAdjustment(c.Source.Summary.SubjectId)))
                : null);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("Code of the channel of the case's subject; empty for a subject in no channel (a stock adjustment).")
            .Resolve(c => c.Source.Summary.Channel);
        Field<NonNullGraphType<RoleType>>("queue").Description("The queue the case is in: its owner role, which alone (with Admin) assigns, resolves and dismisses it.")
            .Resolve(c => c.Source.Summary.Queue);
        Field<StringGraphType>("assignee").Description("The actor id of the person the case is assigned to (user:… or api-client:…); null while open.")
            .Resolve(c => c.Source.Summary.Assignee);
        Detail<NonNullGraphType<StringGraphType>, string>("reason", "Why the case was raised.", v => v.Reason);
        Field<NonNullGraphType<ExceptionCasePriorityType>>("priority").Description("How urgent the case is (higher first), and the factors that add up to it.")
            .Resolve(c => c.Source);
        Detail<NonNullGraphType<StringGraphType>, string>("raisedBy", "The actor id of whoever raised the case (or placed the hold behind it); they may not decide it.", v => v.RaisedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("raisedAt")
            .Description("When the case's SLA clock started: when it was raised, or, when its hold replaced one of the same type released shortly before, when that hold's case was (its timeline names that case).").Resolve(c => c.Source.Summary.RaisedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("dueAt").Description("When the case's SLA runs out.").Resolve(c => c.Source.Summary.DueAt);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("True for an open case past its due time, now.").Resolve(c => c.Source.Summary.IsOverdue);
        Field<NonNullGraphType<IntGraphType>>("escalationLevel").Description("The rung of its escalation ladder the case reached; 0 before any.")
            .Resolve(c => c.Source.Summary.EscalationLevel);
        Detail<RoleType, string?>("escalatedTo", "The role the last escalation brought in to chase the case; it does not decide it. Null before any.", v => v.EscalatedTo);
        Detail<DateTimeOffsetGraphType, DateTimeOffset?>("nextEscalationAt", "When the case climbs its next rung if still open; null at the top or when closed.", v => v.NextEscalationAt);
        Detail<ExceptionResolutionType, ExceptionResolution?>("resolution", "How a resolved case ended; null otherwise.", v => v.Resolution);
        Detail<StringGraphType, string?>("resolutionNote", "The note of the resolution or dismissal.", v => v.ResolutionNote);
        Detail<StringGraphType, string?>("closedBy", "The actor id of whoever resolved or dismissed the case.", v => v.ClosedBy);
        Detail<DateTimeOffsetGraphType, DateTimeOffset?>("closedAt", "When the case was resolved or dismissed.", v => v.ClosedAt);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Optimistic concurrency version; pass it as expectedVersion to refuse acting on a stale view.")
            .Resolve(c => c.Source.Summary.Version);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<ExceptionCaseTimelineEntryType>>>, IReadOnlyList<ExceptionCaseEntryView>>("timeline",
            "Every step of the case: who, when, what and why, in order.", v => v.Timeline);
    }

    /// <summary>A field of the full case: at hand for a single case, read once per item of a list.</summary>
    private void Detail<TGraphType, TValue>(string name, string description, Func<ExceptionCaseView, TValue> select)
        where TGraphType : IGraphType =>
        Field<TGraphType>(name).Description(description).ResolveAsync(async c => (object?)select(await c.Source.FullAsync(c)));
}

public sealed class ExceptionSubjectType : ObjectGraphType<ExceptionCaseNode>
{
    public ExceptionSubjectType()
    {
        Name = "ExceptionSubject";
        Description = "What a case is about: an aggregate by kind and id, narrowed to a line or shipment where the decision concerns only that part.";
        Field<NonNullGraphType<ExceptionSubjectKindType>>("kind").Description("What kind of thing.").Resolve(c => c.Source.Summary.SubjectKind);
        Field<NonNullGraphType<IdGraphType>>("id").Description("Its id (the order's id for an order line or shipment).").Resolve(c => c.Source.Summary.SubjectId);
        Field<IntGraphType>("lineNumber").Description("The order line, for an ORDER_LINE subject.")
            .ResolveAsync(async c => (object?)(await c.Source.FullAsync(c)).Subject.LineNumber);
        Field<IdGraphType>("shipmentId").Description("The shipment, for a SHIPMENT subject.")
            .ResolveAsync(async c => (object?)(await c.Source.FullAsync(c)).Subject.ShipmentId);
    }
}

public sealed class ExceptionCasePriorityType : ObjectGraphType<ExceptionCaseNode>
{
    public ExceptionCasePriorityType()
    {
        Name = "ExceptionCasePriority";
        Description = "A case's priority: the sum of the factors shown, so a person can see why it ranks where it does.";
        Field<NonNullGraphType<IntGraphType>>("score").Description("The priority; higher comes first.").Resolve(c => c.Source.Summary.Priority);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriorityFactorType>>>>("factors").Description("What adds up to the score.")
            .ResolveAsync(async c => (object?)(await c.Source.FullAsync(c)).Priority.Factors);
    }
}

public sealed class PriorityFactorType : ObjectGraphType<PriorityFactor>
{
    public PriorityFactorType()
    {
        Name = "PriorityFactor";
        Description = "One reason a case ranks where it does.";
        Field<NonNullGraphType<PriorityFactorKindType>>("kind").Description("What the factor weighs.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("points").Description("The points it adds.").Resolve(c => c.Source.Points);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("Why, in words.").Resolve(c => c.Source.Explanation);
    }
}

public sealed class ExceptionCaseTimelineEntryType : ObjectGraphType<ExceptionCaseEntryView>
{
    public ExceptionCaseTimelineEntryType()
    {
        Name = "ExceptionCaseTimelineEntry";
        Description = "One step of a case.";
        Field<NonNullGraphType<IntGraphType>>("sequence").Description("Its place in the case's timeline, from 1.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it happened.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actorId").Description("Who: user:…, api-client:… or system.").Resolve(c => c.Source.ActorId);
        Field<NonNullGraphType<ExceptionCaseActionType>>("action").Description("What happened.").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("note").Description("Why, or what was decided.").Resolve(c => c.Source.Note);
    }
}
