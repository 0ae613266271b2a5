using System.Net;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>
/// A RETURN_APPROVAL case on the workbench links to its return's page, and so does an EXCHANGE_NOT_RETURNED case in Finance's queue,
/// whose decisions say what they record. The cases are raised here through the repository, as the outbox handlers raise them (those
/// paths are specified in the Application tests); the page is what this checks.
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

    [Fact]
    public async Task AnExchangeNotReturnedCase_IsInTheFinanceQueue_LinksToTheReturn_AndItsDecisionsSayWhatTheyRecord()
    {
        var returnId = Guid.CreateVersion7();
        var raised = ExceptionCase.Raise(ExceptionType.ExchangeNotReturned, ExceptionSubject.Return(returnId), null, "WEB",
            "Return RMA-2026-000043: 1 exchanged unit(s) worth 25.00 EUR at the order's prices were closed as missing.", "user:wim",
            ExceptionSlaPolicies.DefaultFor(ExceptionType.ExchangeNotReturned), new PriorityInputs(), _time.GetUtcNow(), ExceptionCaseId.ForUnreturnedExchange(returnId));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IExceptionCaseRepository>().Add(raised);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        }
        using var finance = await _session.SignedInAsync("finance@ecomerp.local", Roles.Finance);
        using var operations = await _session.SignedInAsync("operations@ecomerp.local", Roles.OperationsManager);

        var queue = await finance.GetStringAsync(new Uri(IndexPath + "/queue/exchangenotreturned", UriKind.Relative));
        var casePage = await finance.GetStringAsync(new Uri($"{IndexPath}/case/{raised.Id}", UriKind.Relative));
        using var hidden = await operations.GetAsync(new Uri($"{IndexPath}/case/{raised.Id}", UriKind.Relative));

        Assert.Contains($"/admin/exceptions/case/{raised.Id}", queue, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<a href=\"/admin/returns/{returnId}\" data-testid=\"return-link\">", casePage, StringComparison.Ordinal);
        Assert.Contains(">Recovered or stopped</button>", casePage, StringComparison.Ordinal);
        Assert.Contains(">Write it off</button>", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Reject the return</button>", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Dismiss", casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
