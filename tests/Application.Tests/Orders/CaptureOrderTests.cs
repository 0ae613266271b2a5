using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Tests.Orders;

public sealed class CaptureOrderTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Result<CapturedOrder>> CaptureAsync(CaptureOrder command) => _host.SendAsync<CaptureOrder, CapturedOrder>(command);

    private Task<(int Orders, int OutboxRows)> CountAsync() =>
        _host.WithDbAsync(async db => (await db.Orders.CountAsync(), await db.OutboxMessages.CountAsync(m => m.AggregateType == nameof(Order))));

    [Fact]
    public async Task Capture_WithAValidOrder_StoresItCapturedWithTotalsAndOneEvent()
    {
        var result = await CaptureAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2, 25m).WithLine("JEANS-SLIM-L-NVY", 1, 89.90m).BuildCommand());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.False(result.Value.WasAlreadyCaptured);
        var order = await _host.LoadAsync(result.Value.OrderId);
        Assert.Equal(OrderStatus.Captured, order.Status);
        Assert.Equal(13_990, order.TotalMinor);
        Assert.Equal(2, order.Lines.Count);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task Capture_RepeatedWithTheSameContent_ReturnsTheFirstOrderAndChangesNothing()
    {
        var command = new OrderBuilder().WithExternalId("WEB-REPEAT-1").BuildCommand();
        var first = await CaptureAsync(command);

        var again = await CaptureAsync(command);

        Assert.True(again.IsSuccess);
        Assert.True(again.Value.WasAlreadyCaptured);
        Assert.Equal(first.Value.OrderId, again.Value.OrderId);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task Capture_ResentWithOtherFormattingAndLineOrder_IsTheSameOrder()
    {
        var first = await CaptureAsync(new OrderBuilder().WithExternalId("WEB-FMT-1")
            .WithLine("TEE-CREW-M-BLK", 1).WithLine("TEE-CREW-L-BLK", 2).BuildCommand());

        var resent = await CaptureAsync(new OrderBuilder().WithExternalId(" WEB-FMT-1 ").ForChannel("web")
            .WithLine("tee-crew-l-blk", 2).WithLine(" tee-crew-m-blk", 1).WithCurrency("eur").BuildCommand());

        Assert.True(resent.IsSuccess, string.Join("; ", resent.Errors));
        Assert.True(resent.Value.WasAlreadyCaptured);
        Assert.Equal(first.Value.OrderId, resent.Value.OrderId);
    }

    [Fact]
    public async Task Capture_RepeatedWithDifferentContent_IsAConflictAndChangesNothing()
    {
        await CaptureAsync(new OrderBuilder().WithExternalId("WEB-CONFLICT-1").WithLine("TEE-CREW-M-BLK", 1).BuildCommand());

        var different = await CaptureAsync(new OrderBuilder().WithExternalId("WEB-CONFLICT-1").WithLine("TEE-CREW-M-BLK", 3).BuildCommand());

        Assert.Equal(OrderErrors.DuplicateCaptureConflictCode, different.Error.Code);
        Assert.Equal("externalOrderId", different.Error.Field);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task Capture_OfANewOrder_SavesWithoutLookingItUpFirst_AndResendsAreAnsweredByTheUniqueKeyWithNoErrorLogged()
    {
        var logs = new CapturedLogs();
        await using var host = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Services = services => services.AddSingleton<ILoggerProvider>(logs),
            SeedsAsByDefault = true,
        });
        var command = new OrderBuilder().WithExternalId("WEB-RESEND-1").WithLine("TEE-CREW-M-BLK", 1).BuildCommand();
        host.Commands.Reset();

        var first = await host.SendAsync<CaptureOrder, CapturedOrder>(command);

        Assert.True(first.IsSuccess);
        Assert.Equal(0, host.Commands.Reading("Orders"));
        var again = await host.SendAsync<CaptureOrder, CapturedOrder>(command);
        var different = await host.SendAsync<CaptureOrder, CapturedOrder>(
            new OrderBuilder().WithExternalId("WEB-RESEND-1").WithLine("TEE-CREW-M-BLK", 3).BuildCommand());
        Assert.True(again.Value.WasAlreadyCaptured);
        Assert.Equal(first.Value.OrderId, again.Value.OrderId);
        Assert.Equal(OrderErrors.DuplicateCaptureConflictCode, different.Error.Code);
        Assert.Equal(1, await host.WithDbAsync(db => db.Orders.CountAsync()));
        // The refused inserts are expected answers, not faults: nothing at Error, where EF Core logged each of them twice.
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Capture_SentEightTimesAtOnce_StoresOneOrderAndAnswersEveryCallWithIt()
    {
        var command = new OrderBuilder().WithExternalId("WEB-RACE-1").BuildCommand();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => CaptureAsync(command))));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.Single(results.Select(r => r.Value.OrderId).Distinct());
        Assert.Single(results, r => !r.Value.WasAlreadyCaptured);
        Assert.Equal((1, 1), await CountAsync());
    }

    public static TheoryData<string, string, string?> BadInput => new()
    {
        { "unknown channel", OrderErrors.UnknownChannelCode, "channel" },
        { "unknown sku", OrderErrors.UnknownSkuCode, "lines[0].sku" },
        { "zero quantity", "QUANTITY_NOT_POSITIVE", "lines[0].quantity" },
        { "negative quantity", "QUANTITY_NOT_POSITIVE", "lines[0].quantity" },
        { "missing city", OrderErrors.AddressMissing, "shipTo.city" },
        { "unsupported currency", "CURRENCY_UNSUPPORTED", "lines[0].unitPrice.currencyCode" },
        { "lines in two currencies", OrderErrors.LineCurrencyMismatchCode, "lines[1].unitPrice.currencyCode" },
        { "price with too many decimals", "MONEY_PRECISION", "lines[0].unitPrice.amount" },
        { "negative price", OrderErrors.UnitPriceInvalidCode, "lines[0].unitPrice.amount" },
        { "same sku twice", OrderErrors.DuplicateLineCode, "lines" },
        { "no external id", OrderErrors.ExternalIdInvalidCode, "externalOrderId" },
        { "bad email", OrderErrors.CustomerInvalid, "customer.email" },
        { "partner on a foreign channel", OrderErrors.UnknownChannelCode, "channel" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Capture_WithBadInput_ReturnsANamedErrorAndChangesNothing(string problem, string code, string? field)
    {
        var builder = new OrderBuilder();
        var command = problem switch
        {
            "unknown channel" => builder.ForChannel("NOPE").By(Actors.Admin).BuildCommand(),
            "unknown sku" => builder.WithLine("NO-SUCH-SKU", 1).BuildCommand(),
            "zero quantity" => builder.WithLine("TEE-CREW-M-BLK", 0).BuildCommand(),
            "negative quantity" => builder.WithLine("TEE-CREW-M-BLK", -3).BuildCommand(),
            "missing city" => builder.ShippingTo("Anna", "Street 1", " ", "10115", "DE").BuildCommand(),
            "unsupported currency" => builder.WithCurrency("XYZ").BuildCommand(),
            "lines in two currencies" => builder.WithLine("TEE-CREW-M-BLK", 1, 25m, "EUR").WithLine("TEE-CREW-L-BLK", 1, 25m, "USD").BuildCommand(),
            "price with too many decimals" => builder.WithLine("TEE-CREW-M-BLK", 1, 19.999m).BuildCommand(),
            "negative price" => builder.WithLine("TEE-CREW-M-BLK", 1, -1m).BuildCommand(),
            "same sku twice" => builder.WithLine("TEE-CREW-M-BLK", 1).WithLine("tee-crew-m-blk", 2).BuildCommand(),
            "no external id" => builder.WithExternalId("  ").BuildCommand(),
            "bad email" => builder.WithCustomer("not-an-email", "Anna").BuildCommand(),
            "partner on a foreign channel" => builder.ForChannel("MKT-AMAZON").BuildCommand(),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var result = await CaptureAsync(command);

        Assert.True(result.IsFailure, problem);
        Assert.Contains(result.Errors, e => e.Code == code && e.Field == field);
        Assert.Equal((0, 0), await CountAsync());
    }
}
