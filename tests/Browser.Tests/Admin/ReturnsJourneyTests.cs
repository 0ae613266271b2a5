using System.Text.RegularExpressions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// A real Chromium against a real Kestrel host: a warehouse manager receives, inspects and restocks a returned parcel, then a finance
/// person refunds it and opens the credit note.
/// </summary>
public sealed class ReturnsJourneyTests : IAsyncLifetime, IDisposable
{
    private const string WarehouseEmail = "wim@ecomerp.local";
    private const string FinanceEmail = "fay@ecomerp.local";
    private const string Password = "Returns-Passw0rd!";

    private readonly FakeTimeProvider time = new(ErpTestHost.Start);
    private readonly AdminInChromium admin;

    public ReturnsJourneyTests() =>
        admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(time))
        {
            InitScript = AdminInChromium.RecordPolicyViolations,
        };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));
    }

    [Fact]
    public async Task AWarehouseManagerReceivesAndInspects_ThenFinanceRefunds_AndOpensTheCreditNote()
    {
        await admin.Host.CreateUserAsync(WarehouseEmail, Password, Roles.WarehouseManager);
        await admin.Host.CreateUserAsync(FinanceEmail, Password, Roles.Finance);
        var orderId = await admin.Host.ShipAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2));
        var requested = await admin.Host.SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, 2, ReturnReasons.WrongSizeCode, "Too small.")]));
        Assert.True(requested.IsSuccess, string.Join("; ", requested.Errors));
        var path = $"/admin/returns/{requested.Value.ReturnId}";
        var page = await admin.PageAsync();

        await SignInAsync(page, WarehouseEmail);
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("return-status")).ToHaveTextAsync(nameof(ReturnStatus.Authorized));
        var receipt = page.GetByTestId("receive-form");
        await receipt.GetByLabel("Received at location").FillAsync("WH-BERLIN");
        await receipt.GetByLabel(new Regex("units received")).FillAsync("2");
        await receipt.GetByRole(AriaRole.Button, new() { Name = "Book the receipt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The receipt is booked.");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("return-line-received")).ToHaveTextAsync("2");

        var inspection = page.GetByTestId("inspect-form");
        // Each unit has its grade; the line's "set all" (returns.js) fills both rows at once.
        await inspection.GetByLabel("Set every unit of line 1 to").SelectOptionAsync(nameof(InspectionGrade.Resellable));
        await inspection.GetByRole(AriaRole.Button, new() { Name = "Set all" }).ClickAsync();
        await Assertions.Expect(inspection.GetByLabel("Unit 2 of line 1")).ToHaveValueAsync(nameof(InspectionGrade.Resellable));
        await inspection.GetByRole(AriaRole.Button, new() { Name = "Record the grades" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The inspection is recorded.");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("return-status")).ToHaveTextAsync(nameof(ReturnStatus.Inspected));
        var disposition = page.GetByTestId("disposition-form");
        await disposition.GetByLabel("Send every unit of line 1 to").SelectOptionAsync(nameof(ReturnDisposition.Restock));
        await disposition.GetByRole(AriaRole.Button, new() { Name = "Set all" }).ClickAsync();
        await Assertions.Expect(disposition.GetByLabel("Unit 2 (Resellable): send to")).ToHaveValueAsync(nameof(ReturnDisposition.Restock));
        await disposition.GetByRole(AriaRole.Button, new() { Name = "Send on" }).ClickAsync();
        // The message is the command's answer; the facts are the read model's, shown once projected (decision 033), so read again
        // once the projection has run: each reload below follows a settle of the pipeline, as the worker's own run may still be
        // on its way on a loaded machine (a reload before it showed the old state, and the assertion cannot reload).
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The units are dispositioned.");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("return-status")).ToHaveTextAsync(nameof(ReturnStatus.Dispositioned));
        await Assertions.Expect(page.GetByTestId("action-refund")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, FinanceEmail);
        await page.GotoAsync(path);
        // 2 x 25.00 EUR, less 10 % restocking and 5.00 EUR return shipping (the customer's fault).
        await Assertions.Expect(page.GetByTestId("refund-preview-total")).ToContainTextAsync("40.00");
        await page.GetByTestId("action-refund").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The return is refunded.");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("return-credit-note-link")).ToHaveCountAsync(1);
        var creditNote = page.GetByTestId("return-credit-note-link");
        var number = await creditNote.TextContentAsync();
        Assert.Matches(@"^CN-\d{4}-\d{6}$", number);
        await creditNote.ClickAsync();

        await Assertions.Expect(page.GetByTestId("document-number")).ToHaveTextAsync(number!);
        await Assertions.Expect(page.GetByTestId("document-total")).ToContainTextAsync("40.00");
        await Assertions.Expect(page.GetByTestId("document-return-link")).ToHaveTextAsync(requested.Value.RmaNumber);
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
