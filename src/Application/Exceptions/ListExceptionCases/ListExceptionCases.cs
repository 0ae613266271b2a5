using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Exceptions.ListExceptionCases;

/// <summary>One page of cases, filtered, sorted (due time, priority, raised time) and keyset-paged in the store.</summary>
public sealed record ListExceptionCases(ExceptionCaseListRequest Request);

/// <summary>A page size outside 0 to <see cref="ExceptionCaseListRequest.MaxSize"/> is the caller's mistake, with a code; else the page.</summary>
internal sealed class ListExceptionCasesHandler(IExceptionCaseReader reader, TimeProvider clock) : IQueryHandler<ListExceptionCases, ExceptionCasePage>
{
    public async Task<Result<ExceptionCasePage>> HandleAsync(ListExceptionCases query, CancellationToken cancellationToken)
    {
        if (query.Request.Size is < 0 or > ExceptionCaseListRequest.MaxSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 0 to {ExceptionCaseListRequest.MaxSize} cases.", "first");
        return await reader.ListAsync(query.Request, clock.GetUtcNow(), cancellationToken);
    }
}
