using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ActivateSku;
using EcomErp.Application.Catalog.GetSku;
using EcomErp.Application.Catalog.GetSkuDetails;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.RegisterSku;
using EcomErp.Application.Catalog.SetSkuSubstitutes;
using EcomErp.Application.Catalog.UpdateSku;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>The SKU commands a planner sends from the admin, on the real SQLite file with the demo catalog, audited and projected.</summary>
public sealed class SkuCommandTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static RegisterSku Register(string code = "POLO-M-RED", string name = "Polo Red M", decimal price = 29.90m, decimal cost = 11m,
        string currency = "EUR", Actor? actor = null) =>
        new(actor ?? Actors.Planner, code, name, "POLO", "M", "Red", price, cost, currency, 210, false);

    private Task<Result<SkuDetailsView>> SendAsync<TCommand>(TCommand command) => _host.SendAsync<TCommand, SkuDetailsView>(command);

    private async Task<SkuDetailsView?> DetailsAsync(string code) => (await _host.QueryAsync<GetSkuDetails, SkuDetailsView?>(new GetSkuDetails(code))).Value;

    /// <summary>The catalog's rows and the outbox: what a refused command must leave as it was.</summary>
    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
    {
        var skus = await db.Skus.AsNoTracking().ToListAsync();
        return string.Join('|', skus.OrderBy(s => s.Code.Value).Select(s => $"{s.Code}:{s.Version}")) + $"#{await db.OutboxMessages.CountAsync()}";
    });

    private async Task RefusedAsync<TCommand>(TCommand command, string code, string? field = null)
    {
        var before = await StateAsync();

        var result = await SendAsync(command);

        Assert.True(result.IsFailure, $"Expected {code}.");
        Assert.Contains(result.Errors, e => e.Code == code && (field is null || e.Field == field));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task RegisterSku_ByAPlanner_AddsAnActiveSku_WhichTheCatalogReadModelServesAfterProjection_AndTheAuditRecordsWithItsValues()
    {
        var registered = await SendAsync(Register(code: " polo-m-red "));

        Assert.True(registered.IsSuccess, string.Join("; ", registered.Errors));
        Assert.Equal(("POLO-M-RED", 2990L, 1100L, "EUR", true), (registered.Value.Code, registered.Value.PriceMinor, registered.Value.CostMinor,
            registered.Value.Currency, registered.Value.IsActive));
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
        var projected = (await _host.QueryAsync<GetSku, SkuView?>(new GetSku("POLO-M-RED"))).Value;
        Assert.Equal(("Polo Red M", 2990L), (projected!.Name, projected.PriceMinor));
        var audit = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Command == nameof(RegisterSku)));
        Assert.Equal((AuditOutcome.Succeeded, "Sku", "POLO-M-RED"), (audit.Outcome, audit.SubjectKind, audit.SubjectId));
        Assert.Contains(audit.Changes.SelectMany(c => c.Values), v => v.Property == nameof(Sku.Name) && v.After == "Polo Red M");
    }

    [Fact]
    public async Task RegisterSku_ThatExistsIsMalformedOrComesFromAWarehouseManager_IsRefusedOnItsFieldAndChangesNothing()
    {
        Assert.True((await SendAsync(Register())).IsSuccess);

        await RefusedAsync(Register(), CatalogErrors.SkuAlreadyExists, "code");
        await RefusedAsync(Register(code: "POLO M"), "SKU_CODE_INVALID", "code");
        await RefusedAsync(Register(code: "POLO-L-RED", name: ""), CatalogErrors.SkuNameInvalid, "name");
        await RefusedAsync(Register(code: "POLO-L-RED", price: 9.999m), CommonErrors.MoneyPrecision, "price");
        await RefusedAsync(Register(code: "POLO-L-RED", currency: "XYZ"), "CURRENCY_UNSUPPORTED", "currency");
        await RefusedAsync(Register(code: "POLO-L-RED", actor: Actors.Warehouse), CommonErrors.NotPermitted);
    }

    [Fact]
    public async Task UpdateSku_ByAPlanner_ChangesTheDetailsInTheSkusCurrency_AndAStaleVersionIsAConflict()
    {
        var sku = (await SendAsync(Register())).Value;

        var updated = await SendAsync(new UpdateSku(Actors.Planner, "POLO-M-RED", "Polo Red M (organic)", "POLO", "M", "Red", 34.50m, 12.25m, 220, true,
            sku.Version));

        Assert.True(updated.IsSuccess, string.Join("; ", updated.Errors));
        var stored = await DetailsAsync("polo-m-red");
        Assert.Equal(("Polo Red M (organic)", 3450L, 1225L, "EUR", 220, true, sku.Version + 1),
            (stored!.Name, stored.PriceMinor, stored.CostMinor, stored.Currency, stored.WeightGrams, stored.IsCritical, stored.Version));
        await RefusedAsync(new UpdateSku(Actors.Planner, "POLO-M-RED", "Polo", "POLO", "M", "Red", 30m, 12m, 220, true, sku.Version), CommonErrors.Conflict);
        await RefusedAsync(new UpdateSku(Actors.Planner, "POLO-XL-RED", "Polo", "POLO", "XL", "Red", 30m, 12m, 220, true), CatalogErrors.SkuNotFound, "code");
        await RefusedAsync(new UpdateSku(Actors.Finance, "POLO-M-RED", "Polo", "POLO", "M", "Red", 30m, 12m, 220, true), CommonErrors.NotPermitted);
    }

    [Fact]
    public async Task DeactivateAndActivateSku_ToggleTheSku_AndRepeatingOneIsRefusedAsUnchanged()
    {
        Assert.True((await SendAsync(Register())).IsSuccess);

        Assert.True((await SendAsync(new DeactivateSku(Actors.Planner, "POLO-M-RED"))).IsSuccess);
        Assert.False((await DetailsAsync("POLO-M-RED"))!.IsActive);
        await RefusedAsync(new DeactivateSku(Actors.Planner, "POLO-M-RED"), CatalogErrors.SkuActivationUnchanged);
        Assert.True((await SendAsync(new ActivateSku(Actors.Admin, "POLO-M-RED"))).IsSuccess);
        Assert.True((await DetailsAsync("POLO-M-RED"))!.IsActive);
    }

    [Fact]
    public async Task SetSkuSubstitutes_NamesActiveSkusInOrder_AndAnUnknownOrInactiveSubstituteIsRefusedOnItsPosition()
    {
        Assert.True((await SendAsync(Register())).IsSuccess);
        Assert.True((await SendAsync(Register(code: "POLO-M-BLU", name: "Polo Blue M"))).IsSuccess);
        Assert.True((await SendAsync(Register(code: "POLO-M-GRN", name: "Polo Green M"))).IsSuccess);
        Assert.True((await SendAsync(new DeactivateSku(Actors.Planner, "POLO-M-GRN"))).IsSuccess);

        var set = await SendAsync(new SetSkuSubstitutes(Actors.Planner, "POLO-M-RED", ["polo-m-blu"]));

        Assert.True(set.IsSuccess, string.Join("; ", set.Errors));
        Assert.Equal(["POLO-M-BLU"], (await DetailsAsync("POLO-M-RED"))!.Substitutes);
        await RefusedAsync(new SetSkuSubstitutes(Actors.Planner, "POLO-M-RED", ["POLO-M-BLU", "POLO-M-GRN"]), CatalogErrors.SkuSubstituteUnavailable, "substitutes[1]");
        await RefusedAsync(new SetSkuSubstitutes(Actors.Planner, "POLO-M-RED", ["NOPE-1"]), CatalogErrors.SkuSubstituteUnavailable, "substitutes[0]");
        await RefusedAsync(new SetSkuSubstitutes(Actors.Planner, "POLO-M-RED", ["POLO-M-RED"]), CatalogErrors.SkuSubstitutesInvalid, "substitutes[0]");
        await RefusedAsync(new SetSkuSubstitutes(Actors.Executive, "POLO-M-RED", []), CommonErrors.NotPermitted);
    }
}
