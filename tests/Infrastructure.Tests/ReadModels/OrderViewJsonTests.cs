using System.Text.Json;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// The order's document is written and read by the serializer generated at build time (<see cref="OrderViewJson"/>); the read
/// tables, the cache and the bus hold documents the run-time serializer wrote before it, and every other document still comes
/// from that one. Both must give the same text, and each must read what the other wrote.
/// </summary>
public sealed class OrderViewJsonTests
{
    public static TheoryData<string> Orders => ["captured", "held and released", "shipped in two", "cancelled", "backordered"];

    [Theory]
    [MemberData(nameof(Orders))]
    public void TheGeneratedSerializer_WritesTheRunTimeSerializersText_AndReadsItBack(string order)
    {
        var view = OrderView.From(Build(order), lastSequence: 42);

        var generated = ReadModelJson.Serialize(view);

        Assert.Equal(JsonSerializer.Serialize(view, ReadModelJson.Options), generated);
        Assert.Equal(generated, ReadModelJson.Serialize(ReadModelJson.ToOrderView(generated)));
        Assert.Equal(generated, JsonSerializer.Serialize(JsonSerializer.Deserialize<OrderView>(generated, ReadModelJson.Options), ReadModelJson.Options));
    }

    private static Order Build(string order)
    {
        var at = ErpTestHost.Start.AddMinutes(5);
        var builder = new OrderBuilder().WithExternalId("WEB-JSON").CapturedAt(ErpTestHost.Start)
            .ShippingTo("Ada Lovelace", "Torstraße 1", "Berlin", "10119", "DE", line2: "Hinterhaus, 3. OG")
            .WithLine("TEE-CREW-M-BLK", 2).WithLine("JEANS-SLIM-L-NVY", 1, 59.90m);
        switch (order)
        {
            case "captured":
                return builder.WithPriority(OrderPriority.High).Build();
            case "held and released":
            {
                var held = builder.InStatus(OrderStatus.Validated).WithHold(HoldType.FraudReview).Build();
                Assert.True(held.PlaceHold(HoldType.Manual, "Customer called: \"hold it\"", Actor.System, at).IsSuccess);
                Assert.True(held.ReleaseHold(held.Holds.Single(h => h.Type == HoldType.Manual).Id, "sorted", Actor.System, at.AddMinutes(1)).IsSuccess);
                return held;
            }
            case "shipped in two":
                return builder.ReadyToLeave(OrderStatus.Shipped).InTwoShipments().Build();
            case "cancelled":
            {
                var cancelled = builder.Build();
                Assert.True(cancelled.Cancel("customer asked", Actor.System, at).IsSuccess);
                return cancelled;
            }
            default:
                return builder.InStatus(OrderStatus.Backordered).Build();
        }
    }
}
