using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Audit.ListAuditLog;

/// <summary>One page of the audit log, newest first, filtered by subject, actor, command, outcome and time.</summary>
public sealed record ListAuditLog(AuditLogRequest Request);

/// <summary>A page size outside 0 to <see cref="AuditLogRequest.MaxSize"/>, or a time window that ends before it starts, is the caller's mistake, with a code.</summary>
internal sealed class ListAuditLogHandler(IAuditLogReader reader) : IQueryHandler<ListAuditLog, AuditLogPage>
{
    public async Task<Result<AuditLogPage>> HandleAsync(ListAuditLog query, CancellationToken cancellationToken)
    {
        var request = query.Request;
        if (request.Size is < 0 or > AuditLogRequest.MaxSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 0 to {AuditLogRequest.MaxSize} entries.", "first");
        if (request.Filter is { From: { } from, To: { } to } && to < from)
            return new Error(CommonErrors.ValidationFailed, "The window ends before it starts: 'to' must not be earlier than 'from'.", "filter.to");
        return await reader.ListAsync(request, cancellationToken);
    }
}
