using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Inventory;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.AssignExceptionCase;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Exceptions;

/// <summary>The answer of a case mutation: the case and the subject it acted on as the command left them, or the business errors.</summary>
public sealed record ExceptionCasePayload(ExceptionCaseNode? ExceptionCase, OrderNode? Order, AdjustmentView? Adjustment, IReadOnlyList<Error> UserErrors)
{
    public static ExceptionCasePayload Failed(IReadOnlyList<Error> errors) => new(null, null, null, errors);
}

// Built with new per mutation (name and description vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ExceptionCasePayloadType : ObjectGraphType<ExceptionCasePayload>
{
    public ExceptionCasePayloadType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ExceptionCaseType>("exceptionCase").Description("The case after the mutation; null when it failed.").Resolve(c => c.Source.ExceptionCase);
        Field<OrderType>("order").Description("The order the mutation acted on (its hold released, or it cancelled); null when it touched none or failed.")
            .Resolve(c => c.Source.Order);
        Field<StockAdjustmentType>("adjustment").Description("The stock adjustment the mutation decided (approved or rejected); null when it touched none or failed.")
            .Resolve(c => c.Source.Adjustment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

/// <summary>The fields every case mutation takes; the specific ones add theirs.</summary>
public sealed class ExceptionCaseInput
{
    public string CaseId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
    public string Assignee { get; set; } = "";
    public ExceptionResolution Resolution { get; set; }
    public string Note { get; set; } = "";
    public AddressInput? CorrectedAddress { get; set; }
}

// Built with new per mutation (name and fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ExceptionCaseInputType : InputObjectGraphType<ExceptionCaseInput>
{
    public ExceptionCaseInputType(string name, string description, Action<ExceptionCaseInputType> addFields)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("caseId").Description("The case's id.");
        Field<IntGraphType>("expectedVersion").Description("When given, the mutation is refused with CONCURRENCY_CONFLICT unless the case is still at this version.");
        addFields(this);
    }
}

/// <summary>
/// Case mutations: each sends one command and maps its result; expected failures become userErrors. The scope opens the
/// field; who may decide is the Application's rule (the queue's role, granted to the key, and four eyes).
/// </summary>
public static class ExceptionCaseMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Step<AssignExceptionCase>(mutation, "assignExceptionCase",
            "Gives a case to a person or key (by actor id, e.g. user:fay or api-client:…), or hands it on. The queue's role (or Admin) assigns.",
            t => t.Field<NonNullGraphType<StringGraphType>>("assignee").Description("The actor id the case is given to."),
            (i, id, actor) => new(id, actor, i.Assignee, i.ExpectedVersion));
        Step<ResolveExceptionCase>(mutation, "resolveExceptionCase",
            "Decides a case: APPROVED releases the hold behind it and the order moves on by itself; REJECTED cancels the order with the note. "
            + "For an ADJUSTMENT_APPROVAL case, APPROVED applies the stock adjustment and REJECTED refuses it with the note. "
            + "An ADDRESS_VALIDATION case may be APPROVED with a correctedAddress: the order's ship-to is amended and validated again; an address "
            + "that passes releases the hold and the order moves on, one that still fails is refused with its findings' codes and changes nothing. "
            + "The queue's role (or Admin) decides, never whoever raised the case, placed its hold or requested its adjustment (EXCEPTION_CASE_SELF_APPROVAL).",
            t =>
            {
                t.Field<NonNullGraphType<ExceptionResolutionType>>("resolution").Description("APPROVED or REJECTED.");
                t.Field<NonNullGraphType<StringGraphType>>("note").Description($"Why, 1 to {ExceptionCaseErrors.NoteMaxLength} characters.");
                t.Field<AddressInputType>("correctedAddress")
                    .Description("For an ADDRESS_VALIDATION case approved: the ship-to the order is amended to (EXCEPTION_CASE_CORRECTION_NOT_ACCEPTED otherwise).");
            },
            (i, id, actor) => new(id, actor, i.Resolution, i.Note, i.ExpectedVersion, i.CorrectedAddress?.ToCommand()));
        Step<DismissExceptionCase>(mutation, "dismissExceptionCase",
            "Closes a case without a decision on its subject (raised in error); the hold behind it is released with the note. The queue's role (or Admin), never whoever raised it. "
            + "An ADJUSTMENT_APPROVAL case is approved or rejected, not dismissed (EXCEPTION_CASE_DECISION_REQUIRED).",
            t => t.Field<NonNullGraphType<StringGraphType>>("note").Description($"Why, 1 to {ExceptionCaseErrors.NoteMaxLength} characters."),
            (i, id, actor) => new(id, actor, i.Note, i.ExpectedVersion));
    }

    /// <summary>One case mutation: <c>name(input: NameInput!): NamePayload!</c>. A malformed case id is a user error, like an unknown one.</summary>
    private static void Step<TCommand>(ObjectGraphType mutation, string name, string description,
        Action<ExceptionCaseInputType> inputFields, Func<ExceptionCaseInput, Guid, Actor, TCommand> command)
        where TCommand : ExceptionCaseCommand
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.Field(name, new NonNullGraphType(new ExceptionCasePayloadType($"{typeName}Payload", $"Result of {name}.")))
            .Description($"{description} Needs the '{ApiScopes.ExceptionsWrite}' scope.")
            .Argument(new NonNullGraphType(new ExceptionCaseInputType($"{typeName}Input", $"Input of {name}.", inputFields)), "input", a => a.Description = "What to do.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ExceptionsWrite);
                var input = context.GetArgument<ExceptionCaseInput>("input");
                if (!Guid.TryParse(input.CaseId, out var caseId))
                    return ExceptionCasePayload.Failed([new Error(ExceptionCaseErrors.NotFoundCode, "The case id is not a valid id.", "caseId")]);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, ExceptionCaseCommandResult>>();
                var result = await handler.HandleAsync(command(input, caseId, caller.Actor()), context.CancellationToken);
                return result.IsSuccess
                    ? new ExceptionCasePayload(ExceptionCaseNode.Of(result.Value.Case), result.Value.Order is { } order ? OrderNode.Of(order.Order) : null,
                        result.Value.Adjustment, [])
                    : ExceptionCasePayload.Failed(result.Errors);
            });
    }
}
