using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>The answer of a return mutation: the return as the command left it, or the business errors.</summary>
public sealed record ReturnPayload(ReturnView? Return, IReadOnlyList<Error> UserErrors)
{
    public static ReturnPayload Failed(IReadOnlyList<Error> errors) => new(null, errors);
}

// Built with new per mutation (name and description vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ReturnPayloadType : ObjectGraphType<ReturnPayload>
{
    public ReturnPayloadType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ReturnType>("return").Description("The return after the mutation; null when it failed.").Resolve(c => c.Source.Return);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

/// <summary>
/// Return mutations: each sends one command and maps its result; expected failures become userErrors. All of them are open
/// to partner keys because the commands themselves treat an order or return outside the actor's channels as not found; the
/// key's business roles decide the steps a role owns (decision 026).
/// </summary>
public static class ReturnMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Mutation<RequestReturn>(mutation, "requestReturn",
            "Asks for units of a shipped order back under its channel's return policy; below the auto-authorise value it is authorised at once.",
            t => t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineRequestInputType>>>>("lines").Description("The lines asked back."),
            (i, actor) => Guid.TryParse(i.OrderId, out var orderId)
                ? new RequestReturn(actor, orderId, [.. i.Lines.Select(l => l.ToDraft())])
                : Malformed(OrderErrors.NotFoundCode, "orderId"),
            onOrder: true);
        Step<AuthorizeReturn>(mutation, "authorizeReturn", "A second person authorises a return at or above the channel's auto-authorise value (never its requester).",
            null, (i, id, actor) => new AuthorizeReturn(id, actor, i.ExpectedVersion));
        Step<RejectReturn>(mutation, "rejectReturn", "Refuses a requested return.",
            Reason, (i, id, actor) => new RejectReturn(id, actor, i.Reason, i.ExpectedVersion));
        Step<MarkReturnInTransit>(mutation, "markReturnInTransit", "The carrier has the customer's parcel (optional before the receipt).",
            t => t.Field<StringGraphType>("trackingNumber").Description("The parcel's tracking number, optional."),
            (i, id, actor) => new MarkReturnInTransit(id, actor, i.TrackingNumber, i.ExpectedVersion));
        Step<ReceiveReturn>(mutation, "receiveReturn",
            "Units arrived at a location: into ReturnsAwaitingInspection (RETURN_RECEIVED). The same receiptId again changes nothing; the same id with other content is refused.",
            t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("receiptId").Description("The caller's id for this receipt (a UUID it chooses, e.g. its dock scan's), so a repeated call is recognised.");
                t.Field<NonNullGraphType<StringGraphType>>("location").Description("Code of the receiving location.");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineQuantityInputType>>>>("lines").Description("Units that arrived per line.");
            },
            (i, id, actor) => Guid.TryParse(i.ReceiptId, out var receiptId)
                ? new ReceiveReturn(id, actor, receiptId, i.Location, [.. i.Lines.Select(l => l.ToQuantity())], i.ExpectedVersion)
                : Malformed(CommonErrors.ValidationFailed, "receiptId"));
        Step<CloseMissingReturnUnits>(mutation, "closeMissingReturnUnits", "Units that never arrived are closed as missing: not inspected, not refunded. Also before the first unit came (a parcel that never arrives, as for an exchange whose replacement has shipped and which cannot be cancelled): once every unit is missing the return is CLOSED. Exchanged units closed as missing raise an EXCHANGE_NOT_RETURNED case for Finance.",
            t => t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineQuantityInputType>>>>("lines").Description("Missing units per line."),
            (i, id, actor) => new CloseMissingReturnUnits(id, actor, [.. i.Lines.Select(l => l.ToQuantity())], i.ExpectedVersion));
        Step<InspectReturnLines>(mutation, "inspectReturnLines", "Grades received units, one grade per unit.",
            t => t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineGradesInputType>>>>("lines").Description("The grades per line."),
            (i, id, actor) => new InspectReturnLines(id, actor, [.. i.Lines.Select(l => l.ToGrades())], i.ExpectedVersion));
        Step<DispositionReturnLines>(mutation, "dispositionReturnLines", "Sends inspected units to their dispositions; every move is in the ledger with the reference RMA:<rma number>.",
            t =>
            {
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineDispositionInputType>>>>("lines").Description("Dispositions per line.");
                t.Field<StringGraphType>("supplier").Description("Code of the active supplier that takes RETURN_TO_VENDOR units; required for them only.");
            },
            (i, id, actor) => new DispositionReturnLines(id, actor, [.. i.Lines.Select(l => l.ToDisposition())], i.Supplier, i.ExpectedVersion));
        Step<ApproveReturnWriteOff>(mutation, "approveReturnWriteOff", "A second person approves the write-off of scrapped units above the channel's threshold.",
            null, (i, id, actor) => new ApproveReturnWriteOff(id, actor, i.ExpectedVersion));
        Step<RefundReturn>(mutation, "refundReturn", "Finance refunds a dispositioned return under the next credit note number. Finance's step: a key needs the Finance role granted.",
            null, (i, id, actor) => new RefundReturn(id, actor, i.ExpectedVersion));
        Step<CloseReturn>(mutation, "closeReturn", "Finance closes a refunded return. Finance's step: a key needs the Finance role granted.",
            null, (i, id, actor) => new CloseReturn(id, actor, i.ExpectedVersion));
        Step<CancelReturn>(mutation, "cancelReturn",
            "Withdraws a return before any unit arrived, and cancels an exchange's replacement order with it; once the replacement has shipped, RETURN_REPLACEMENT_SHIPPED.",
            Reason, (i, id, actor) => new CancelReturn(id, actor, i.Reason, i.ExpectedVersion));
    }

    private static void Reason(ReturnStepInputType type) =>
        type.Field<NonNullGraphType<StringGraphType>>("reason").Description("Why.");

    // A malformed id is the client's mistake, answered like an unknown one, and reaches no handler.
    private static Error Malformed(string code, string field) => new(code, $"'{field}' is not a valid id.", field);

    /// <summary>A step on an existing return, named by returnId.</summary>
    private static void Step<TCommand>(ObjectGraphType mutation, string name, string description,
        Action<ReturnStepInputType>? inputFields, Func<ReturnStepInput, Guid, Actor, Result<TCommand>> command)
        where TCommand : ReturnCommand =>
        Mutation(mutation, name, description, inputFields,
            (input, actor) => Guid.TryParse(input.ReturnId, out var id) ? command(input, id, actor) : Malformed(ReturnErrors.NotFoundCode, "returnId"));

    /// <summary>One return mutation: <c>name(input: NameInput!): NamePayload!</c>.</summary>
    private static void Mutation<TCommand>(ObjectGraphType mutation, string name, string description,
        Action<ReturnStepInputType>? inputFields, Func<ReturnStepInput, Actor, Result<TCommand>> command, bool onOrder = false)
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.Field(name, new NonNullGraphType(new ReturnPayloadType($"{typeName}Payload", $"Result of {name}.")))
            .Description($"{description} Needs the '{ApiScopes.ReturnsWrite}' scope.")
            .Argument(new NonNullGraphType(new ReturnStepInputType($"{typeName}Input", $"Input of {name}.", inputFields, onOrder)), "input", a => a.Description = "What to do.")
            // The return commands treat an order or return outside the actor's channels as not found.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsWrite);
                var built = command(context.GetArgument<ReturnStepInput>("input"), caller.Actor());
                if (built.IsFailure)
                    return ReturnPayload.Failed(built.Errors);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, ReturnCommandResult>>();
                var result = await handler.HandleAsync(built.Value, context.CancellationToken);
                return result.IsSuccess ? new ReturnPayload(result.Value.Return, []) : ReturnPayload.Failed(result.Errors);
            });
    }
}
