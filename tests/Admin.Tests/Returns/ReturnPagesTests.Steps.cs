using System.Net;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Returns;

/// <summary>The return page's remaining steps, each posted as a browser posts it by the role that owns it, with its effect read back.</summary>
public sealed partial class ReturnPagesTests
{
    private async Task StepAsync<TCommand>(TCommand command)
    {
        var done = await _factory.SendAsync<TCommand, ReturnCommandResult>(command);
        Assert.True(done.IsSuccess, string.Join("; ", done.Errors));
    }

    /// <summary>A return of 10 of 12 tees (250 EUR, at the auto-authorise threshold) requested on the page by <paramref name="requester"/>: it waits for a second person.</summary>
    private async Task<Guid> ValuableReturnRequestedByAsync(HttpClient requester)
    {
        var orderId = await ShippedOrderAsync(12);
        using var requested = await AdminPageSession.PostAsync(requester, NewPath(orderId), null, new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Quantity"] = "10", ["Input.Lines[0].Reason"] = ReturnReasons.WrongSizeCode,
        });
        await AssertDoneAsync(requested);
        await _factory.RunBackgroundWorkAsync();
        return Guid.Parse(requested.Headers.Location!.OriginalString["/admin/returns/".Length..]);
    }

    /// <summary>A step that went through redirects to the return; one that did not says why in the failure.</summary>
    private static async Task AssertDoneAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
            return;
        var html = await response.Content.ReadAsStringAsync();
        var said = string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "(?:<li>|field-validation-error[^>]*>)(?<m>[^<]+)<").Select(m => m.Groups["m"].Value));
        Assert.Fail($"{(int)response.StatusCode}: {said}");
    }

    [Fact]
    public async Task AValuableReturn_IsAuthorisedByASecondPerson_NotByWhoeverAskedForIt()
    {
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var cara = await _session.SignedInAsync("cara@ecomerp.local", Roles.CustomerService);
        var id = await ValuableReturnRequestedByAsync(cato);

        var waiting = await cato.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var self = await PostAsync(cato, DetailsPath(id), "Authorize", []);
        var selfHtml = await self.Content.ReadAsStringAsync();
        var afterSelf = await ReturnAsync(id);
        using var second = await PostAsync(cara, DetailsPath(id), "Authorize", []);
        var authorised = await ReturnAsync(id);
        var caraActor = await _factory.ActorOfAsync("cara@ecomerp.local", Roles.CustomerService);

        Assert.Contains("data-testid=\"return-needs-approval\">yes", waiting, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        var refusal = System.Text.RegularExpressions.Regex.Match(selfHtml, "validation-summary-errors[^>]*><ul><li>(?<m>[^<]+)</li>").Groups["m"].Value;
        Assert.NotEqual("", refusal);
        Assert.DoesNotContain("RETURN_SELF_APPROVAL", refusal, StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.Requested, afterSelf.Status);
        await AssertDoneAsync(second);
        Assert.Equal(ReturnStatus.Authorized, authorised.Status);
        Assert.Equal(caraActor.Id, authorised.AuthorizedBy);
    }

    [Fact]
    public async Task AReturnIsRejectedWithItsReason_AndAReasonlessRejectionIsSaidBesideTheField()
    {
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var id = await ValuableReturnRequestedByAsync(cato);

        using var blank = await PostAsync(olga, DetailsPath(id), "Reject", new() { ["Input.RejectReason"] = "" });
        var afterBlank = await ReturnAsync(id);
        using var rejected = await PostAsync(olga, DetailsPath(id), "Reject", new() { ["Input.RejectReason"] = "Worn and washed." });
        var done = await ReturnAsync(id);
        var page = await olga.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.RejectReason"[^>]*>[^<]+<""", await blank.Content.ReadAsStringAsync());
        Assert.Equal(ReturnStatus.Requested, afterBlank.Status);
        await AssertDoneAsync(rejected);
        Assert.Equal(ReturnStatus.Rejected, done.Status);
        Assert.Equal("Worn and washed.", done.ClosingReason);
        Assert.Contains("data-testid=\"return-status\">Rejected<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"return-actions\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParcelIsMarkedInTransit_ThenAPartReceived_AndTheRestClosedAsMissing()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync());
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);

        using var transit = await PostAsync(wim, DetailsPath(id), "MarkInTransit", new() { ["Input.TrackingNumber"] = "JD0146000077777" });
        var travelling = await ReturnAsync(id);
        using var received = await PostAsync(wim, DetailsPath(id), "Receive", new()
        {
            ["Input.Location"] = Location, ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Received"] = "1",
        });
        using var missing = await PostAsync(wim, DetailsPath(id), "CloseMissing", new() { ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Missing"] = "1" });
        var done = await ReturnAsync(id);

        await AssertDoneAsync(transit);
        Assert.Equal(ReturnStatus.InTransit, travelling.Status);
        await AssertDoneAsync(received);
        await AssertDoneAsync(missing);
        Assert.Equal(ReturnStatus.Received, done.Status);
        Assert.Equal((1, 1), (done.Lines[0].Received, done.Lines[0].Missing));
    }

    [Fact]
    public async Task AScrapAboveTheThreshold_WaitsForAnotherPersonsApproval_ThenTheRefundedReturnIsClosed()
    {
        var orderId = await ShippedOrderAsync(6);
        var id = await RequestedReturnAsync(orderId, units: 6);
        await StepAsync(new ReceiveReturn(id, Actors.Warehouse, Guid.NewGuid(), Location, [new ReturnLineQuantity(1, 6)]));
        await StepAsync(new InspectReturnLines(id, Actors.Warehouse, [new ReturnLineGrades(1, [.. Enumerable.Repeat(InspectionGrade.Damaged, 6)])]));
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        using var scrapped = await PostAsync(wim, DetailsPath(id), "Disposition", new()
        {
            ["Input.DispositionLine"] = "1",
            ["Input.Units[0]"] = "Scrap", ["Input.Units[1]"] = "Scrap", ["Input.Units[2]"] = "Scrap", ["Input.Units[3]"] = "Scrap", ["Input.Units[4]"] = "Scrap", ["Input.Units[5]"] = "Scrap",
        });
        var waiting = await ReturnAsync(id);
        var olgaView = await olga.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var approved = await PostAsync(olga, DetailsPath(id), "ApproveWriteOff", []);
        var written = await ReturnAsync(id);
        using var refunded = await PostAsync(fay, DetailsPath(id), "Refund", []);
        using var closed = await PostAsync(cato, DetailsPath(id), "Close", []);
        var done = await ReturnAsync(id);

        await AssertDoneAsync(scrapped);
        Assert.Equal(6, waiting.WriteOffPending);
        Assert.Contains("data-testid=\"action-approve-write-off\"", olgaView, StringComparison.Ordinal);
        await AssertDoneAsync(approved);
        Assert.Equal(0, written.WriteOffPending);
        Assert.Equal(6, written.Lines[0].Scrapped);
        await AssertDoneAsync(refunded);
        await AssertDoneAsync(closed);
        Assert.Equal(ReturnStatus.Closed, done.Status);
    }

    [Fact]
    public async Task AnAuthorisationOnAReturnSomeoneChangedMeanwhile_IsAReadableConflict_AndChangesNothing()
    {
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var id = await ValuableReturnRequestedByAsync(cato);
        var seen = HiddenValue(await olga.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative)), "Input.Version");
        await StepAsync(new RejectReturn(id, Actors.OtherOperations, "Outside the window after all."));

        using var stale = await PostAsync(olga, DetailsPath(id), "Authorize", new() { ["Input.Version"] = seen });
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this return while you were looking at it.", html, StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.Rejected, (await ReturnAsync(id)).Status);
    }

    [Fact]
    public async Task EachLine_ShowsWhatWasOrderedAndShipped_BesideWhatComesBack()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync(3), units: 2);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);

        var page = await cato.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));

        Assert.Contains("data-testid=\"return-line-ordered\">3<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"return-line-shipped\">3<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"return-line-requested\">2<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"return-line-received\">0<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachReceivedUnitIsGradedOnItsOwnRow_AndEachGradedUnitSentOnItsOwnWay()
    {
        var id = await RequestedReturnAsync(await ShippedOrderAsync(3), units: 3);
        await StepAsync(new ReceiveReturn(id, Actors.Warehouse, Guid.NewGuid(), Location, [new ReturnLineQuantity(1, 3)]));
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);

        var inspectForm = await wim.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var forged = await PostAsync(wim, DetailsPath(id), "Inspect", new() { ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Grades[0]"] = "Shiny" });
        var forgedHtml = await forged.Content.ReadAsStringAsync();
        var afterForged = await ReturnAsync(id);
        using var inspected = await PostAsync(wim, DetailsPath(id), "Inspect", new()
        {
            ["Input.Lines[0].Line"] = "1", ["Input.Lines[0].Grades[0]"] = nameof(InspectionGrade.Resellable),
            ["Input.Lines[0].Grades[1]"] = nameof(InspectionGrade.Damaged), ["Input.Lines[0].Grades[2]"] = nameof(InspectionGrade.Refurbishable),
        });
        var graded = await ReturnAsync(id);
        var dispositionForm = await wim.GetStringAsync(new Uri(DetailsPath(id), UriKind.Relative));
        using var nothingChosen = await PostAsync(wim, DetailsPath(id), "Disposition", new() { ["Input.DispositionLine"] = "1", ["Input.Units[0]"] = "" });
        using var restockTheDamaged = await PostAsync(wim, DetailsPath(id), "Disposition", new()
        {
            ["Input.DispositionLine"] = "1", ["Input.Units[0]"] = "Restock", ["Input.Units[1]"] = "Restock",
        });
        var restockRefusal = await restockTheDamaged.Content.ReadAsStringAsync();
        using var sentOn = await PostAsync(wim, DetailsPath(id), "Disposition", new()
        {
            ["Input.DispositionLine"] = "1", ["Input.Units[0]"] = "Restock", ["Input.Units[1]"] = "Refurbish", ["Input.Units[2]"] = "Scrap",
        });
        var done = await ReturnAsync(id);

        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(inspectForm, """name="Input.Lines\[0\].Grades\[\d\]" data-unit"""));
        Assert.Contains("data-set-all hidden", inspectForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Lines\[0\].Grades"[^>]*>Choose a grade from the list for each unit.<""", forgedHtml);
        Assert.Equal(0, DetailsModelGraded(afterForged));
        await AssertDoneAsync(inspected);
        Assert.Equal((1, 1, 1), (graded.Lines[0].GradedResellable, graded.Lines[0].GradedRefurbishable, graded.Lines[0].GradedDamaged));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(dispositionForm, """name="Input.Units\[\d\]" data-unit"""));
        Assert.Contains("Unit 1 (Resellable): send to", dispositionForm, StringComparison.Ordinal);
        Assert.Contains("Unit 3 (Damaged): send to", dispositionForm, StringComparison.Ordinal);
        Assert.Matches("""data-valmsg-for="Input.Units"[^>]*>Choose where at least one unit goes.<""", await nothingChosen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, restockTheDamaged.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Units"[^>]*>[^<]*resellable[^<]*<""", restockRefusal);
        Assert.Contains("value=\"Restock\" selected=\"selected\"", restockRefusal, StringComparison.Ordinal);
        await AssertDoneAsync(sentOn);
        Assert.Equal((1, 1, 1), (done.Lines[0].Restocked, done.Lines[0].Refurbished, done.Lines[0].Scrapped));
        Assert.Equal(ReturnStatus.Dispositioned, done.Status);
    }

    private static int DetailsModelGraded(ReturnView view) => Areas.Admin.Pages.Returns.DetailsModel.Graded(view.Lines[0]);
}
