using CsCheck;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class OrderWorkflowPropertyTests
{
    private enum CommandKind { Advance, MoveTo, ConfirmPick, PlaceHold, ReleaseHold }

    /// <summary>
    /// A random command: the step it tries, which hold type it concerns, and who tries it
    /// (no actor: the one who owns the step, so that orders also get far along the workflow).
    /// </summary>
    private sealed record Command(CommandKind Kind, OrderStatus Target, HoldType Hold, Actor? Actor)
    {
        public override string ToString() => $"{Kind}({(Kind == CommandKind.MoveTo ? Target : Hold)}) by {Actor?.Id ?? "owner"}";
    }

    /// <summary>The forward moves, written out so the property does not take the domain's word for them.</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> ForwardMoves =
    [
        (OrderStatus.Captured, OrderStatus.Validated),
        (OrderStatus.Validated, OrderStatus.Allocated),
        (OrderStatus.Validated, OrderStatus.Backordered),
        (OrderStatus.Validated, OrderStatus.PartiallyAllocated),
        (OrderStatus.Backordered, OrderStatus.Allocated),
        (OrderStatus.Backordered, OrderStatus.PartiallyAllocated),
        (OrderStatus.PartiallyAllocated, OrderStatus.Allocated),
        (OrderStatus.Allocated, OrderStatus.Released),
        (OrderStatus.Released, OrderStatus.Picking),
        (OrderStatus.Picking, OrderStatus.Packed),
        (OrderStatus.Packed, OrderStatus.PartiallyShipped),
        (OrderStatus.Packed, OrderStatus.Shipped),
        (OrderStatus.PartiallyShipped, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Invoiced),
        (OrderStatus.Invoiced, OrderStatus.Completed),
    ];

    /// <summary>States before the goods leave the building.</summary>
    private static readonly HashSet<OrderStatus> Cancellable =
    [
        OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Allocated,
        OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed,
    ];

    private static readonly Gen<Command> GenCommand = Gen.Select(
        Gen.Frequency((8, Gen.Const(CommandKind.Advance)), (2, Gen.Const(CommandKind.MoveTo)), (1, Gen.Const(CommandKind.ConfirmPick)),
            (1, Gen.Const(CommandKind.PlaceHold)), (3, Gen.Const(CommandKind.ReleaseHold))),
        Gen.OneOf([.. WorkflowSteps.Targets]),
        Gen.Enum<HoldType>(),
        Gen.Frequency((1, Gen.Const((Actor?)null)), (1, Gen.OneOf<Actor?>([.. Actors.All]))),
        (kind, target, hold, actor) => new Command(kind, target, hold, actor));

    [Fact]
    public void AnySequenceOfCommands_KeepsTheTimelineVersionAndStatusConsistent()
    {
        GenCommand.Array[0, 80].Sample(commands =>
        {
            var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).WithLine("SOCK-OS-WHT", 1).Build();
            for (var i = 0; i < commands.Length; i++)
            {
                var before = OrderSnapshot.Of(order);
                var heldFor = order.OpenHolds.Select(h => h.Type).ToList();
                var result = Apply(order, commands[i], Clock.MinutesAfterCapture(i + 1));

                if (result.IsFailure)
                    Assert.Equal(before, OrderSnapshot.Of(order));
                Assert.True(IsAllowedMove(before.Status, order.Status), $"{commands[i]} moved {before.Status} to {order.Status}");
                // A held order moves only when cancelled, or when a release books the carrier pickups its only holds waited for (and ends them).
                if (before.OpenHolds > 0 && order.Status != before.Status)
                    Assert.True(order.Status == OrderStatus.Cancelled
                        || (order.Status == OrderStatus.Released && heldFor.All(h => h == HoldType.CarrierCapacity) && !order.IsOnHold),
                        $"{commands[i]} moved {before.Status} to {order.Status} with open holds {string.Join(", ", heldFor)}");
            }

            Assert.Equal(Enumerable.Range(1, order.Timeline.Count), order.Timeline.Select(e => e.Sequence));
            Assert.True(order.Timeline.Zip(order.Timeline.Skip(1)).All(p => p.First.At <= p.Second.At), "timeline runs back in time");
            Assert.Equal(order.PendingEvents.Count, order.Version);
            Assert.Equal(order.Timeline.Count, order.Version);
            Assert.All(order.Lines, line => Assert.Equal(
                order.Shipments.Where(sh => sh.Status != ShipmentStatus.Cancelled).SelectMany(sh => sh.Lines).Where(l => l.LineNumber == line.LineNumber).Sum(l => l.Quantity),
                line.AllocatedQuantity));
            Assert.True(order.Shipments.GroupBy(sh => sh.Location).All(g => g.Count(sh => sh.IsOpen) <= 1), "two open shipments at one location");
            if (order.Status is OrderStatus.Allocated or OrderStatus.Released or OrderStatus.Packed or OrderStatus.Shipped
                or OrderStatus.Invoiced or OrderStatus.Completed)
                Assert.All(order.Lines, line => Assert.Equal(line.Quantity, line.AllocatedQuantity));
        }, iter: 2_000);
    }

    private static bool IsAllowedMove(OrderStatus from, OrderStatus to)
    {
        if (from == to)
            return true;
        return to == OrderStatus.Cancelled ? Cancellable.Contains(from) : ForwardMoves.Contains((from, to));
    }

    private static Result Apply(Order order, Command command, DateTimeOffset at) => command.Kind switch
    {
        CommandKind.Advance when order.Status == OrderStatus.Picking && !order.IsPicked =>
            order.ConfirmPick(command.Actor ?? Actors.Warehouse, at),
        CommandKind.Advance => WorkflowSteps.MoveTo(order, OrderWorkflow.NextAfter(order.Status) ?? OrderStatus.Completed, at, command.Actor),
        CommandKind.MoveTo => WorkflowSteps.MoveTo(order, command.Target, at, command.Actor),
        CommandKind.ConfirmPick => order.ConfirmPick(command.Actor ?? Actors.Warehouse, at),
        CommandKind.PlaceHold => order.PlaceHold(command.Hold, "random check", command.Actor ?? Actors.System, at),
        CommandKind.ReleaseHold => order.ReleaseHold(
            order.OpenHolds.FirstOrDefault(h => h.Type == command.Hold)?.Id ?? Guid.Empty, "looked into it", command.Actor ?? Actors.Admin, at),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
