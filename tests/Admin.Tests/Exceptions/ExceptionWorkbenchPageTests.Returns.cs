using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>
/// A RETURN_APPROVAL case on the workbench links to its return's page. The case is raised here through the repository, as the
/// outbox handler raises it (that path is specified in the Application tests); the page is what this checks.
/// </summary>
public sealed partial class ExceptionWorkbenchPageTests
{
    [Fact]
    public async Task AReturnApprovalCase_IsInTheOperationsQueue_AndItsPageLinksToTheReturn()
    {
        var returnId = Guid.CreateVersion7();
        var raised = ExceptionCase.Raise(ExceptionType.ReturnApproval, ExceptionSubject.Return(returnId), null, "WEB",
            "Return RMA-2026-000042: 2 unit(s) worth 300.00 EUR at the order's prices.", "user:cato",
            ExceptionSlaPolicies.DefaultFor(ExceptionType.ReturnApproval), new PriorityInputs(), _time.GetUtcNow(), ExceptionCaseId.ForReturn(returnId));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IExceptionCaseRepository>().Add(raised);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        }
        using var client = await _session.SignedInAsync("operations@ecomerp.local", Roles.OperationsManager);

        var queue = await client.GetStringAsync(new Uri(IndexPath + "/queue/returnapproval", UriKind.Relative));
        var casePage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{returnId}", UriKind.Relative));

        Assert.Contains($"/admin/exceptions/case/{returnId}", queue, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<a href=\"/admin/returns/{returnId}\" data-testid=\"return-link\">", casePage, StringComparison.Ordinal);
        Assert.Contains(">Reject the return</button>", casePage, StringComparison.Ordinal);
    }
}
