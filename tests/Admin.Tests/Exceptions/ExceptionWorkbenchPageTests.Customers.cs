using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>
/// An ABNORMAL_RETURNS case about a customer carries a name-based id, not the e-mail (decision 044); its page shows the e-mail
/// from the return KPIs to the queue's people. The case is raised through the repository and the KPI row written as the projection
/// writes it (both paths are specified in the Application tests); the page is what this checks.
/// </summary>
public sealed partial class ExceptionWorkbenchPageTests
{
    private async Task<Guid> RaiseCustomerCaseAsync(string email, bool counted)
    {
        var subject = ExceptionSubject.Customer(email);
        var raised = ExceptionCase.Raise(ExceptionType.AbnormalReturns, subject, null, "",
            "The customer: 60.0 % of units returned over the last 14 days (6 of 10 shipped) against 10.0 % over the 90 days before (1 of 10).", Actor.SystemId,
            ExceptionSlaPolicies.DefaultFor(ExceptionType.AbnormalReturns), new PriorityInputs(), _time.GetUtcNow());
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IExceptionCaseRepository>().Add(raised);
        Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        if (counted)
            await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database.ExecuteSqlAsync(
                $"INSERT INTO \"ReturnKpiCustomerShippedUnits\" (\"Channel\", \"CustomerEmail\", \"Day\", \"CustomerId\", \"Units\", \"LastSequence\") VALUES ('WEB', {email}, 740000, {subject.Id}, 10, 1)");
        return raised.Id.Value;
    }

    [Fact]
    public async Task ACustomersAbnormalReturnsCase_ShowsTheEmailOnItsPageOnly_AndOffersNotAbnormal()
    {
        var caseId = await RaiseCustomerCaseAsync("wardrobe@example.com", counted: true);
        var unknown = await RaiseCustomerCaseAsync("never.counted@example.com", counted: false);
        using var client = await _session.SignedInAsync("operations@ecomerp.local", Roles.OperationsManager);

        var queue = await client.GetStringAsync(new Uri(IndexPath + "/queue/abnormalreturns", UriKind.Relative));
        var casePage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));
        var unknownPage = await client.GetStringAsync(new Uri($"{IndexPath}/case/{unknown}", UriKind.Relative));

        Assert.Contains($"/admin/exceptions/case/{caseId}", queue, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wardrobe@example.com", queue, StringComparison.Ordinal);
        Assert.Contains("<p data-testid=\"customer-email\">wardrobe@example.com</p>", casePage, StringComparison.Ordinal);
        Assert.Contains(">Not abnormal</button>", casePage, StringComparison.Ordinal);
        Assert.Contains("<p data-testid=\"customer-email\">Not in the return KPIs yet", unknownPage, StringComparison.Ordinal);
    }
}
