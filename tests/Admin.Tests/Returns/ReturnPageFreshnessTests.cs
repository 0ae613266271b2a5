using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Returns;

/// <summary>
/// The return's page reads the read model, which follows the write side a moment later. A host without the worker role never
/// projects on its own, so the lag is held open here: the page after a person's step must still show that step.
/// </summary>
public sealed class ReturnPageFreshnessTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public ReturnPageFreshnessTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true", ["EcomErp:Roles"] = "api,admin" },
            services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, "Returns-Passw0rd!");
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ThePageAfterAStep_ShowsTheStep_WhileTheReadModelIsStillBehind()
    {
        var orderId = await _factory.ShipAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2));
        var requested = await _factory.SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, 2, ReturnReasons.WrongSizeCode)]));
        var id = requested.Value.ReturnId;
        var path = $"/admin/returns/{id}";
        using var cora = await _session.SignedInAsync("cora@ecomerp.local", Roles.CustomerService);
        var before = await cora.GetStringAsync(new Uri(path, UriKind.Relative));

        using var sent = await AdminPageSession.PostAsync(cora, path, "MarkInTransit", new()
        {
            ["Input.Version"] = Regex.Match(before, """name="Input.Version" value="(?<v>\d+)""").Groups["v"].Value,
            ["Input.TrackingNumber"] = "JJD0001234",
        });
        var after = await cora.GetStringAsync(new Uri(path, UriKind.Relative));
        var readModel = await ReadModelViewAsync(id);

        // Below the auto-authorisation value: authorised as it was requested.
        Assert.Contains($"data-testid=\"return-status\">{ReturnStatus.Authorized}<", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // Nothing projected the step: the read model still says Authorized ...
        Assert.Equal(ReturnStatus.Authorized, readModel.Status);
        // ... yet the person sees what they did.
        Assert.Contains($"data-testid=\"return-status\">{ReturnStatus.InTransit}<", after, StringComparison.Ordinal);
        Assert.Contains("The parcel is on its way back.", after, StringComparison.Ordinal);
    }

    private async Task<ReturnView> ReadModelViewAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetReturn, ReturnView>>()
            .HandleAsync(new GetReturn(id, Actors.Admin), CancellationToken.None);
        return found.Value;
    }
}
