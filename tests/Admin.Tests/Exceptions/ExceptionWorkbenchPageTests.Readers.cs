using System.Globalization;
using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>
/// A person who reads every queue but owns none (an executive) is refused each decision before it is sent, the way the admin's
/// other forms refuse a role: a redirect to access denied, not the command's answer on the page.
/// </summary>
public sealed partial class ExceptionWorkbenchPageTests
{
    private const string AccessDeniedPath = "/admin/account/accessdenied";

    [Theory]
    [InlineData("Approve")]
    [InlineData("Reject")]
    [InlineData("CorrectAddress")]
    [InlineData("Assign")]
    [InlineData("Dismiss")]
    public async Task AReader_PostingADecisionOnACase_IsSentToAccessDenied_AndTheCaseIsUnchanged(string handler)
    {
        var caseId = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        using var finance = await _session.SignedInAsync(FinanceEmail, Roles.Finance);
        using var executive = await _session.SignedInAsync(ExecutiveEmail, Roles.Executive);
        var path = $"{IndexPath}/case/{caseId}";
        // The version a decider sees: the executive's page has no form to carry it, a forged post would.
        var version = (await VersionShownAsync(finance, path)).ToString(CultureInfo.InvariantCulture);

        using var posted = await PostAsync(executive, path, handler, new()
        {
            ["Input.Version"] = version, ["Input.ApproveNote"] = "ok", ["Input.RejectReason"] = "no", ["Input.DismissNote"] = "noise",
            ["Input.CorrectionNote"] = "fixed", ["Input.Assignee"] = (await _factory.ActorOfAsync(ExecutiveEmail)).Id,
        });
        var after = await executive.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(AccessDeniedPath, _session.Resolve(posted).AbsolutePath);
        Assert.Contains("data-testid=\"case-status\">Open<", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-assignee\">nobody<", after, StringComparison.Ordinal);
        Assert.Equal(version, (await VersionShownAsync(finance, path)).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AReader_PostingABulkAssignOnAQueue_IsSentToAccessDenied_AndNothingIsAssigned()
    {
        var caseId = await CaseOfOrderAsync(await FraudOrderAsync(), ExceptionType.FraudReview);
        using var executive = await _session.SignedInAsync(ExecutiveEmail, Roles.Executive);
        const string QueuePath = IndexPath + "/queue/fraudreview";
        await _factory.CreateUserAsync("ops@ecomerp.local", Password, Roles.OperationsManager);
        var ops = await _factory.ActorOfAsync("ops@ecomerp.local", Roles.OperationsManager);

        using var posted = await PostAsync(executive, QueuePath, "Assign", new() { ["Input.CaseIds"] = caseId.ToString(), ["Input.Assignee"] = ops.Id });
        var casePage = await executive.GetStringAsync(new Uri($"{IndexPath}/case/{caseId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(AccessDeniedPath, _session.Resolve(posted).AbsolutePath);
        Assert.Contains("data-testid=\"case-assignee\">nobody<", casePage, StringComparison.Ordinal);
    }
}
