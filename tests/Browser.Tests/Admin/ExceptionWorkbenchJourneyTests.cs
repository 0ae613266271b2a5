using System.Text.RegularExpressions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: a finance person works the high-value queue; an overdue case shows as overdue.</summary>
public sealed class ExceptionWorkbenchJourneyTests : IAsyncLifetime, IDisposable
{
    private const string FinanceEmail = "finance@ecomerp.local";
    private const string Password = "Workbench-Passw0rd!";

    private readonly FakeTimeProvider time = new(ErpTestHost.Start);
    private readonly AdminInChromium admin;

    public ExceptionWorkbenchJourneyTests() =>
        admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(time))
        {
            InitScript = AdminInChromium.RecordPolicyViolations,
        };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private async Task<Guid> CaptureAsync(OrderBuilder order)
    {
        var captured = await admin.Host.SendAsync<CaptureOrder, CapturedOrder>(order.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        return captured.Value.OrderId;
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));
    }

    [Fact]
    public async Task FinancePerson_SeesTheHighValueCount_OpensTheCaseOfACapturedOrder_ApprovesIt_AndTheOrderMovesOn()
    {
        await admin.Host.CreateUserAsync(FinanceEmail, Password, Roles.Finance);
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-BIG-1").WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        var page = await admin.PageAsync();
        await SignInAsync(page, FinanceEmail);

        await Assertions.Expect(page.GetByTestId("nav-open-count")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Exceptions" }).ClickAsync();
        var highValue = page.GetByTestId("queue-HighValueApproval");
        await Assertions.Expect(highValue.GetByTestId("open-count")).ToHaveTextAsync("1");
        await highValue.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByTestId("case-row").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-value")).ToHaveTextAsync("2580.00 EUR");
        await Assertions.Expect(page.GetByTestId("case-sla")).ToContainTextAsync("due in 8 h");

        await page.GetByLabel("Approval note").FillAsync("Known customer, paid by invoice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The case is approved");
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Resolved (Approved)");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("order-status")).Not.ToHaveTextAsync(nameof(OrderStatus.Validated));
        await Assertions.Expect(page.GetByTestId("nav-open-count")).ToHaveTextAsync("0");
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }

    [Fact]
    public async Task AnOverdueCase_ShowsAsOverdue_InItsQueue_AndInTheNavigation()
    {
        await admin.Host.CreateUserAsync("ops@ecomerp.local", Password, Roles.OperationsManager);
        await CaptureAsync(new OrderBuilder()
            .WithCustomer("quick.buyer@mailinator.com", "Quick Buyer")
            .ShippingTo("Someone Else", "Hauptstraße 9", "Köln", "50667", "DE")
            .WithServiceLevel(ServiceLevel.NextDay)
            .WithLine("HOODIE-ZIP-M-BLK", 12, 79m));
        time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(35));
        var page = await admin.PageAsync();
        await SignInAsync(page, "ops@ecomerp.local");

        await Assertions.Expect(page.GetByTestId("nav-overdue-count")).ToHaveTextAsync("1");
        await page.GotoAsync("/admin/exceptions/queue/fraudreview");
        var row = page.GetByTestId("case-row");
        await Assertions.Expect(row).ToHaveClassAsync("overdue");
        await Assertions.Expect(row.GetByTestId("sla")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Overdue\s+overdue by 35 min"));
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }

    [Fact]
    public async Task AnAdministrator_CannotApproveTheThresholdChangeTheyProposed_ASecondOneCan_AndItTakesEffect()
    {
        await admin.Host.CreateUserAsync("ada@ecomerp.local", Password, Roles.Admin);
        await admin.Host.CreateUserAsync("abe@ecomerp.local", Password, Roles.Admin);
        var page = await admin.PageAsync();
        await SignInAsync(page, "ada@ecomerp.local");

        await page.GotoAsync("/admin/policies");
        await page.GetByLabel("Policy", new() { Exact = true }).SelectOptionAsync("orders.high-value-threshold");
        await page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync("WEB");
        await page.GetByLabel("Currency", new() { Exact = true }).SelectOptionAsync("EUR");
        await page.GetByLabel("New value", new() { Exact = true }).FillAsync("5000");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Peak season: fewer holds for the web shop.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("own-proposal")).ToBeVisibleAsync();

        // The proposer finds the approval case in the queue, tries to approve it anyway, and is refused: it stays open.
        await page.GotoAsync("/admin/exceptions/queue/policyapproval");
        await page.GetByTestId("case-row").GetByRole(AriaRole.Link).ClickAsync();
        var caseUrl = page.Url;
        await page.GetByLabel("Approval note").FillAsync("Fine by me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("four eyes");
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync(nameof(ExceptionCaseStatus.Open));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/account/login"));
        await SignInAsync(page, "abe@ecomerp.local");
        await page.GotoAsync(caseUrl);
        await page.GetByLabel("Approval note").FillAsync("Agreed for the season.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Resolved (Approved)");

        await page.GotoAsync("/admin/policies");
        await Assertions.Expect(page.GetByTestId("policy-orders.high-value-threshold-WEB-EUR").GetByTestId("policy-value")).ToContainTextAsync("5000");
        await Assertions.Expect(page.GetByTestId("no-pending")).ToBeVisibleAsync();
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
