using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Browser.Tests.Admin;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.GraphQL;

/// <summary>
/// Issue 9 in a real Chromium: a person opens /graphql, pastes an API key into the IDE's headers, types a query and runs
/// it, and the answer shows; GraphiQL, its editor and its workers run under the page's policy without anything blocked.
/// </summary>
public sealed class GraphQLIdeTests : IAsyncLifetime, IDisposable
{
    private const string Query = "{ skus(first: 2) { totalCount } }";

    private readonly AdminInChromium chromium = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" })
    {
        InitScript = AdminInChromium.RecordPolicyViolations,
    };

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    public void Dispose() => chromium.Dispose();

    [Fact]
    public async Task APersonWithAKey_RunsAQueryInTheIde_AndSeesTheAnswer_WithNothingBlocked()
    {
        var key = (await File.ReadAllTextAsync(Path.Combine(chromium.DataDirectory, "demo-api-key.txt"))).Trim();
        var page = await chromium.PageAsync();
        var consolePolicyErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                consolePolicyErrors.Add(message.Text);
        };

        await page.GotoAsync("/graphql");
        // The headers editor is open (with a template naming the header); the key goes in as a person would paste it.
        await ReplaceTextAsync(page, page.GetByRole(AriaRole.Region, new() { Name = "Headers" }), $$"""{"Authorization": "Bearer {{key}}"}""");
        await ReplaceTextAsync(page, page.GetByRole(AriaRole.Region, new() { Name = "Operation Editor" }), Query);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Execute query") }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Request.PostData?.Contains("totalCount", StringComparison.Ordinal) == true);

        Assert.Equal($"Bearer {key}", response.Request.Headers["authorization"]);
        using var body = JsonDocument.Parse(await response.TextAsync());
        Assert.True(response.Status == 200 && !body.RootElement.TryGetProperty("errors", out _), $"{response.Status}: {body.RootElement}");
        var totalCount = body.RootElement.GetProperty("data").GetProperty("skus").GetProperty("totalCount").GetInt32();
        Assert.True(totalCount > 0, "the demo catalog has SKUs");
        // Monaco renders spaces as no-break spaces; \s matches both.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Result Window" }))
            .ToContainTextAsync(new Regex($"\"totalCount\":\\s*{totalCount}"));

        // The editor's language service runs in its worker, a file of this host like the other two.
        Assert.Contains(page.Workers, worker => worker.Url.Contains("/graphql/ide/graphql.worker-", StringComparison.Ordinal));
        await AdminInChromium.AssertNothingBlockedAsync(page);
        Assert.Empty(consolePolicyErrors);
    }

    /// <summary>
    /// Focuses the visible Monaco editor of a region and replaces its text. The editor closes brackets and quotes as they are
    /// typed, so whatever it added after the cursor is deleted. What went in is read back from the request the IDE sends.
    /// </summary>
    private static async Task ReplaceTextAsync(IPage page, ILocator region, string text)
    {
        await region.Locator(".monaco-editor").Filter(new() { Visible = true }).ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.InsertTextAsync(text);
        await page.Keyboard.PressAsync("ControlOrMeta+Shift+End");
        await page.Keyboard.PressAsync("Delete");
    }
}
