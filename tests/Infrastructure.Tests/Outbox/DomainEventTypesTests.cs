using System.Reflection;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels;

namespace EcomErp.Infrastructure.Tests.Outbox;

public sealed class DomainEventTypesTests
{
    public static TheoryData<string> EventTypes() => [.. typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryDomainEvent_RoundTripsThroughItsStableNameAndJson(string name)
    {
        var type = DomainEventTypes.TypeOf(name);
        var original = Sample(type);

        var payload = DomainEventTypes.Serialize(original);
        var restored = DomainEventTypes.Deserialize(DomainEventTypes.NameOf(type), payload);

        Assert.IsType(type, restored);
        Assert.Equal(payload, DomainEventTypes.Serialize(restored));
        Assert.Equal(original.OccurredAt, restored.OccurredAt);
    }

    [Fact]
    public void Registry_KnowsEveryDomainEventOfTheDomainAssembly() =>
        Assert.Equal(EventTypes().Count, DomainEventTypes.All.Count);

    /// <summary>Outbox rows written before the customer was carried (decision 044) still read, with no customer.</summary>
    [Fact]
    public void ShipmentAndReturnEvents_WrittenBeforeTheyCarriedTheCustomer_ReadWithNoCustomer()
    {
        var shipped = new ShipmentShipped(Guid.CreateVersion7(), "WEB", SampleShipment(), "user:anna", new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), "anna@example.com");
        var requested = new ReturnRequested(Guid.CreateVersion7(), "RMA-2026-000001", Guid.CreateVersion7(), "WEB", ReturnStatus.Requested, "EUR",
            [new ReturnLineSnapshot(1, "TEE-CREW-M-BLK", 2, 2_500, "WRONG_SIZE", null, null, 0)], ReturnRequester.CustomerService, 5_000, false, "user:anna",
            new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero), "anna@example.com");

        var oldShipped = (ShipmentShipped)DomainEventTypes.Deserialize(DomainEventTypes.NameOf(typeof(ShipmentShipped)), WithoutCustomer(DomainEventTypes.Serialize(shipped)));
        var oldRequested = (ReturnRequested)DomainEventTypes.Deserialize(DomainEventTypes.NameOf(typeof(ReturnRequested)), WithoutCustomer(DomainEventTypes.Serialize(requested)));

        Assert.Equal(DomainEventTypes.Serialize(shipped with { CustomerEmail = null }), DomainEventTypes.Serialize(oldShipped));
        Assert.Equal((requested.ReturnId, requested.Lines[0], (string?)null), (oldRequested.ReturnId, oldRequested.Lines[0], oldRequested.CustomerEmail));
    }

    /// <summary>
    /// A count recorded before counts were of the units on hand (decision 091) carries no book of them: it reads with none, and
    /// its read-model row keeps the Available it was compared with as its book, so a rebuild lists it as it was.
    /// </summary>
    [Fact]
    public void ACycleCount_RecordedBeforeItCarriedTheUnitsOnHand_ReadsWithNone_AndKeepsAvailableAsItsBook()
    {
        var counted = new CycleCountRecorded("TEE-CREW-M-BLK", "WH-BERLIN", 7, 10, "user:wim", new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), 14);
        var json = System.Text.Json.Nodes.JsonNode.Parse(DomainEventTypes.Serialize(counted))!.AsObject();
        Assert.True(json.Remove("onHandBefore"));

        var old = (CycleCountRecorded)DomainEventTypes.Deserialize(DomainEventTypes.NameOf(typeof(CycleCountRecorded)), json.ToJsonString());

        Assert.Equal(counted with { OnHandBefore = null }, old);
        Assert.Equal((10, -3), (CycleCountReadModel.From(1, old).BookQuantity, CycleCountReadModel.From(1, old).Variance));
        Assert.Equal((14, -7), (CycleCountReadModel.From(2, counted).BookQuantity, CycleCountReadModel.From(2, counted).Variance));
    }

    private static string WithoutCustomer(string payload)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject();
        Assert.True(json.Remove("customerEmail"));
        return json.ToJsonString();
    }

    [Fact]
    public void UnknownEventName_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => DomainEventTypes.TypeOf("OrderTeleported"));

    /// <summary>An instance with a distinct, non-default value in every constructor parameter.</summary>
    private static IDomainEvent Sample(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select((p, i) => SampleValue(p, i)).ToArray();
        return (IDomainEvent)constructor.Invoke(arguments);
    }

    private static ShipmentSnapshot SampleShipment() =>
        new(Guid.CreateVersion7(), 1, "WH-BERLIN", ShipmentStatus.Shipped, "DHL", "JD01", 450, "EUR", [new ShipmentLineSnapshot(1, "TEE-VNECK-M-BLK", 2, 2)]);

    private static object? SampleValue(ParameterInfo parameter, int index)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => $"{parameter.Name}-{index}",
            _ when type == typeof(Guid) => Guid.CreateVersion7(),
            _ when type == typeof(int) => index + 1,
            _ when type == typeof(long) => 1_000L + index,
            _ when type == typeof(decimal) => 12.5m + index,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddMinutes(index),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 3, 20).AddDays(index),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
            _ when type == typeof(IReadOnlyList<OrderLineSnapshot>) => new[] { new OrderLineSnapshot(1, "TEE-CREW-M-BLK", 2, 2_500) },
            _ when type == typeof(IReadOnlyList<PurchaseOrderLineSnapshot>) => new[] { new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 4, new DateOnly(2026, 3, 20)) },
            _ when type == typeof(IReadOnlyList<OrderLineAllocation>) => new[] { new OrderLineAllocation(1, "TEE-CREW-M-BLK", 3, 2, 1) },
            _ when type == typeof(ShipmentSnapshot) => SampleShipment(),
            _ when type == typeof(OrderShipToSnapshot) => new OrderShipToSnapshot("Anna Schmidt", $"Torstraße {index}", "Hinterhaus", "Berlin", "10119", "DE"),
            _ when type == typeof(IReadOnlyList<ShipmentSnapshot>) => new[] { SampleShipment() },
            _ when type == typeof(ExceptionSubject) => new ExceptionSubject(ExceptionSubjectKind.Shipment, Guid.CreateVersion7(), 2, Guid.CreateVersion7()),
            _ when type == typeof(IReadOnlyList<RefundedReturnLine>) => new[] { new RefundedReturnLine(1, "TEE-CREW-M-BLK", 2, 2_500, 5_000) },
            _ when type == typeof(IReadOnlyList<ReturnLineSnapshot>) => new[] { new ReturnLineSnapshot(1, "TEE-CREW-M-BLK", 2, 2_500, "WRONG_SIZE", "Too small", "TEE-CREW-L-BLK", 1) },
            _ when type == typeof(IReadOnlyList<ReturnLineQuantity>) => new[] { new ReturnLineQuantity(1, 2) },
            _ when type == typeof(IReadOnlyList<ReturnLineGrades>) => new[] { new ReturnLineGrades(1, [InspectionGrade.Resellable, InspectionGrade.Damaged]) },
            _ when type == typeof(IReadOnlyList<ReturnLineDisposition>) => new[] { new ReturnLineDisposition(1, ReturnDisposition.ReturnToVendor, 2) },
            _ when type == typeof(AdjustmentApprovalLimit) => new AdjustmentApprovalLimit(50, TimeSpan.FromHours(24), AdjustedBefore.Of(
                [new CountedAdjustment(Guid.CreateVersion7(), -30, AdjustmentStatus.Applied, "user:wendy", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))])),
            _ when type == typeof(IReadOnlyList<TransferLineSnapshot>) => new[] { new TransferLineSnapshot(1, "TEE-CREW-M-BLK", 5, 4, 1) },
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0] == typeof(string) => new[] { "a", "b" },
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>) && type.GetGenericArguments()[0] == typeof(string) => new[] { "a", "b" },
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0].IsEnum =>
                EnumValues(type.GetGenericArguments()[0]),
            _ => throw new NotSupportedException($"Teach {nameof(SampleValue)} a sample {type.Name} for {parameter.Member.DeclaringType?.Name}.{parameter.Name}."),
        };
    }

    /// <summary>Every value of <paramref name="enumType"/>, as a typed array (a list of service levels, say).</summary>
    private static Array EnumValues(Type enumType)
    {
        var values = Enum.GetValues(enumType);
        var typed = Array.CreateInstance(enumType, values.Length);
        Array.Copy(values, typed, values.Length);
        return typed;
    }
}
