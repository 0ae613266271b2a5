using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Audit;
using EcomErp.Application.Audit.ListAuditLog;
using EcomErp.Domain.Access;
using EcomErp.Domain.Audit;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Audit;

/// <summary>The audit log, through its query handler. Not for partner keys: it names every channel's records and every actor.</summary>
public static class AuditLogQueries
{
    private const string CursorList = "auditLog";

    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<AuditEntryType>>>("auditLog")
            .Description("Every command by a person or an API client, newest first (ties broken by id), filtered by subject, actor, command, outcome and time. "
                + "Needs the 'audit:read' scope.")
            .Argument<AuditLogFilterInputType>("filter", "Criteria every entry must meet.")
            .PagingArguments("newest first")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.AuditRead);
                var filter = (context.GetArgument<AuditLogFilterInput?>("filter") ?? new AuditLogFilterInput()).ToFilter();
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListAuditLog, AuditLogPage>(new ListAuditLog(new AuditLogRequest(
                    filter, paging.Size, Paging.KeysetPosition(paging.After), paging.FromTheEnd, Paging.KeysetPosition(paging.Before)))));
                return ConnectionPage.Of(page.Items, i => paging.Cursor(page.Cursors[i].ToString()), page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
}

public sealed class AuditLogFilterInput
{
    public string? SubjectKind { get; set; }
    public string? SubjectId { get; set; }
    public string? ActorId { get; set; }
    public string? Command { get; set; }
    public AuditOutcome? Outcome { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }

    public AuditLogFilter ToFilter() => new(Trimmed(SubjectKind), Trimmed(SubjectId), Trimmed(ActorId), Trimmed(Command), Outcome, From, To);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class AuditLogFilterInputType : InputObjectGraphType<AuditLogFilterInput>
{
    public AuditLogFilterInputType()
    {
        Name = "AuditLogFilter";
        Description = "Narrows the audit log; every given criterion must hold.";
        Field<StringGraphType>("subjectKind").Description("Only entries about records of this type (Order, ApiClient, Channel…).");
        Field<StringGraphType>("subjectId").Description("Only entries about the record with this id or code.");
        Field<StringGraphType>("actorId").Description("Only entries of this actor (user:… or api-client:…).");
        Field<StringGraphType>("command").Description("Only entries of this command, for example SetChannelPolicy.");
        Field<AuditOutcomeType>("outcome").Description("Only entries with this outcome.");
        Field<DateTimeOffsetGraphType>("from").Description("Only entries recorded at or after this time.");
        Field<DateTimeOffsetGraphType>("to").Description("Only entries recorded before this time; not before 'from' (else VALIDATION_FAILED).");
    }
}
