using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// The stock of one SKU at one location, in disjoint buckets that never go negative. Every change is a
/// move that records a <see cref="LedgerEntry"/> and raises an event in the same step, so the balance
/// always equals the sum of its entries. <see cref="AggregateRoot.Version"/> makes every save a
/// compare-and-set: two writers of one balance cannot both win.
/// </summary>
public sealed class InventoryBalance : AggregateRoot
{
    private readonly List<LedgerEntry> _recordedEntries = [];

    private InventoryBalance() { }

    public SkuCode Sku { get; private set; }
    public LocationCode Location { get; private set; }
    public int Available { get; private set; }
    public int Reserved { get; private set; }
    public int QualityHold { get; private set; }
    public int Damaged { get; private set; }
    public int ReturnsAwaitingInspection { get; private set; }
    public int InTransit { get; private set; }
    public int Inbound { get; private set; }

    /// <summary>Units of <see cref="Available"/> kept back from promising (a planning value, not a bucket).</summary>
    public int SafetyStock { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The entries this instance recorded since it was opened or loaded; they are saved with it. The whole
    /// ledger is read through the ledger queries, never through this list.
    /// </summary>
    public IReadOnlyList<LedgerEntry> RecordedEntries => _recordedEntries;

    public StockLevels Levels => new(Available, Reserved, QualityHold, Damaged, ReturnsAwaitingInspection, InTransit, Inbound);

    /// <summary>Bucket moves a person may make directly; the others belong to their flows (orders, purchase orders, transfers, returns).</summary>
    private static readonly Dictionary<(StockBucket From, StockBucket To), string> ManualMoves = new()
    {
        [(StockBucket.Available, StockBucket.QualityHold)] = ReasonCodes.QualityHoldPlaced,
        [(StockBucket.QualityHold, StockBucket.Available)] = ReasonCodes.QualityHoldReleased,
        [(StockBucket.Available, StockBucket.Damaged)] = ReasonCodes.DamageRecorded,
        [(StockBucket.QualityHold, StockBucket.Damaged)] = ReasonCodes.DamageRecorded,
        // ReturnsAwaitingInspection holds only units a return received, and only that return's disposition takes them out
        // (decision 067): a move by hand would leave the return with units the ledger no longer holds for it.
    };

    /// <summary>The moves <see cref="Move"/> accepts, with the reason code each records.</summary>
    public static IReadOnlyDictionary<(StockBucket From, StockBucket To), string> AllowedMoves => ManualMoves;

    /// <summary>An empty balance; it is saved with the first change to it.</summary>
    public static InventoryBalance Open(SkuCode sku, LocationCode location) => new() { Sku = sku, Location = location };

    public int QuantityIn(StockBucket bucket) => Levels[bucket];

    /// <summary>Moves stock between buckets by hand: places or releases a quality hold, records damage.</summary>
    public Result Move(StockBucket from, StockBucket to, Quantity quantity, string? reference, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "move stock between buckets");
        if (!ManualMoves.TryGetValue((from, to), out var reason))
            return new Error(InventoryErrors.MoveNotAllowedCode, $"Stock does not move from {from} to {to} by hand.", "to");
        if (TextRules.Check(reference, "reference") is { } refused)
            return refused;
        return Post(from, to, quantity.Value, reason, string.IsNullOrWhiteSpace(reference) ? reason : reference, actor, at);
    }

    /// <summary>
    /// Commits Available stock to an order: the compare-and-set the allocation relies on. <paramref name="channel"/>, when
    /// known, travels on the event so committed demand can be counted per channel.
    /// </summary>
    public Result Reserve(Quantity quantity, Guid orderId, Actor actor, DateTimeOffset at, ChannelCode? channel = null) =>
        ForOrder(orderId, actor, "reserve stock", Roles.OperationsManager)
        ?? PostForOrder(StockBucket.Available, StockBucket.Reserved, quantity.Value, ReasonCodes.Reservation, orderId, channel, actor, at);

    /// <summary>
    /// Gives reserved stock back to Available: a cancellation (customer service), a re-plan (operations) or a
    /// reservation a picker no longer needs (warehouse).
    /// </summary>
    public Result ReleaseReservation(Quantity quantity, Guid orderId, Actor actor, DateTimeOffset at, ChannelCode? channel = null) =>
        ForOrder(orderId, actor, "release a reservation", Roles.OperationsManager, Roles.CustomerService, Roles.WarehouseManager)
        ?? PostForOrder(StockBucket.Reserved, StockBucket.Available, quantity.Value, ReasonCodes.ReservationReleased, orderId, channel, actor, at);

    /// <summary>Reserved stock leaves with the order's shipment (the warehouse confirms it).</summary>
    public Result ConsumeReservation(Quantity quantity, Guid orderId, Actor actor, DateTimeOffset at, ChannelCode? channel = null) =>
        ForOrder(orderId, actor, "ship reserved stock", Roles.WarehouseManager)
        ?? PostForOrder(StockBucket.Reserved, null, quantity.Value, ReasonCodes.Shipment, orderId, channel, actor, at);

    /// <summary>
    /// A picker found fewer units than were reserved: the missing ones leave the ledger from Reserved (they are not on
    /// the shelf, so giving them back to Available would promise them again). A cycle count settles the rest.
    /// </summary>
    public Result WriteOffShortPick(Quantity quantity, Guid orderId, Actor actor, DateTimeOffset at, ChannelCode? channel = null) =>
        ForOrder(orderId, actor, "record a short pick", Roles.WarehouseManager)
        ?? PostForOrder(StockBucket.Reserved, null, quantity.Value, ReasonCodes.ShortPick, orderId, channel, actor, at);

    /// <summary>The buckets stock found on the shelves when the business starts on the ledger may go to.</summary>
    public static IReadOnlyList<StockBucket> OpeningStockBuckets { get; } = [StockBucket.Available, StockBucket.QualityHold, StockBucket.Damaged];

    /// <summary>
    /// Takes the stock a location holds when it starts on the ledger (a planner's import), as a receipt with reason
    /// <see cref="ReasonCodes.OpeningBalance"/>. Only into a balance that holds nothing yet: a second import of the same
    /// file, or opening stock where stock already moved, would count the shelves twice.
    /// </summary>
    public Result ReceiveOpeningStock(Quantity quantity, StockBucket bucket, string reference, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "take in opening stock");
        if (!OpeningStockBuckets.Contains(bucket))
            return new Error(InventoryErrors.OpeningStockRefusedCode,
                $"Opening stock goes to {string.Join(", ", OpeningStockBuckets)}, not to {bucket}.", "bucket");
        if (Levels != StockLevels.Empty)
            return new Error(InventoryErrors.OpeningStockRefusedCode,
                $"{Sku} at {Location} already holds stock: opening stock is for a SKU the location holds nothing of yet.", "quantity");
        return Post(null, bucket, quantity.Value, ReasonCodes.OpeningBalance, reference, actor, at);
    }

    public Result SetSafetyStock(int quantity, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "set safety stock");
        if (quantity is < 0 or > Quantity.Max)
            return new Error(InventoryErrors.SafetyStockInvalidCode, $"Safety stock is 0 to {Quantity.Max}.", "safetyStock");
        SafetyStock = quantity;
        UpdatedAt = at;
        Raise(new SafetyStockSet(Sku.Value, Location.Value, quantity, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Records a count of the units on hand; the difference becomes an adjustment (see <see cref="StockAdjustment.FromCycleCount"/>).</summary>
    internal Result RecordCount(int countedQuantity, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "record a cycle count");
        if (countedQuantity is < 0 or > Quantity.Max)
            return new Error(InventoryErrors.CountInvalidCode, $"A counted quantity is 0 to {Quantity.Max}.", "countedQuantity");
        UpdatedAt = at;
        Raise(new CycleCountRecorded(Sku.Value, Location.Value, countedQuantity, Available, actor.Id, at, Levels.OnHand()));
        return Result.Success();
    }

    /// <summary>Why <paramref name="quantity"/> cannot leave <paramref name="from"/>, or null when it can.</summary>
    public Error? CheckCanTake(StockBucket from, int quantity, string field = "quantity") =>
        QuantityIn(from) < quantity ? InventoryErrors.InsufficientStock(Sku, Location, from, quantity, QuantityIn(from), field) : null;

    /// <summary>
    /// The one way stock changes: <paramref name="quantity"/> units from a bucket (null: from outside) to a
    /// bucket (null: out of the ledger), with its entry and event. Flows check their own rules first.
    /// </summary>
    internal Result Post(StockBucket? from, StockBucket? to, int quantity, string reasonCode, string reference, Actor actor, DateTimeOffset at,
        ChannelCode? channel = null)
    {
        if (quantity <= 0 || from == to || (from is null && to is null))
            throw new ArgumentException($"A ledger move needs a positive quantity and two different ends ({from} -> {to}, {quantity}).");
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > LedgerEntry.ReferenceMaxLength)
            return InventoryErrors.ReferenceInvalid();
        if (from is { } source && CheckCanTake(source, quantity) is { } shortage)
            return shortage;

        var levels = Levels;
        if (from is { } taken)
            levels = levels.With(taken, -quantity);
        if (to is { } given)
            levels = levels.With(given, quantity);
        (Available, Reserved, QualityHold, Damaged, ReturnsAwaitingInspection, InTransit, Inbound) =
            (levels.Available, levels.Reserved, levels.QualityHold, levels.Damaged, levels.ReturnsAwaitingInspection, levels.InTransit, levels.Inbound);
        UpdatedAt = at;
        Raise(Describe(from, to, reasonCode) with
        {
            Sku = Sku.Value, Location = Location.Value, From = from, To = to, Quantity = quantity, ReasonCode = reasonCode,
            Reference = reference, ActorId = actor.Id, Levels = levels, OccurredAt = at, Channel = channel?.Value,
        });
        _recordedEntries.Add(new LedgerEntry(Sku, Location, Version, from, to, quantity, reasonCode, reference, actor.Id, at));
        return Result.Success();
    }

    private static StockLedgerEvent Describe(StockBucket? from, StockBucket? to, string reasonCode) => (from, to) switch
    {
        (StockBucket.Available, StockBucket.Reserved) => new StockReserved(),
        (StockBucket.Reserved, StockBucket.Available) => new StockReservationReleased(),
        (StockBucket.Reserved, null) when reasonCode == ReasonCodes.Shipment => new ReservedStockShipped(),
        (null, _) => new StockReceived(),
        (_, null) => new StockRemoved(),
        _ => new StockMoved(),
    };

    /// <summary>How ledger entries name an order, like <c>PO:</c>, <c>TR:</c> and <c>ADJ:</c> name the documents.</summary>
    public static string OrderReference(Guid orderId) => $"ORDER:{orderId}";

    private Result PostForOrder(StockBucket? from, StockBucket? to, int quantity, string reasonCode, Guid orderId, ChannelCode? channel,
        Actor actor, DateTimeOffset at) =>
        Post(from, to, quantity, reasonCode, OrderReference(orderId), actor, at, channel);

    /// <summary>An order's stock moves are made by whoever owns the order step that causes them.</summary>
    private static Error? ForOrder(Guid orderId, Actor actor, string step, params string[] owners)
    {
        if (orderId == Guid.Empty)
            return InventoryErrors.ReferenceInvalid("orderId");
        return owners.Any(actor.MayActAs) ? null : InventoryErrors.NotPermitted(actor, owners[0], step);
    }
}
