using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory.ReadModels;

public sealed class PurchaseOrderViewTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Soon = new(2026, 3, 9);
    private static readonly DateOnly Later = new(2026, 3, 16);
    private static readonly Guid Id = Guid.CreateVersion7();

    [Fact]
    public void Folding_CreatedConfirmedAndAPartialReceipt_GivesEveryStepItsTime_AndTheNextEtaOfWhatIsStillExpected()
    {
        var view = PurchaseOrderView.Created(new PurchaseOrderCreated(Id, "TEXTIL-PORTO", "WH-LEEDS",
            [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 0, Soon), new PurchaseOrderLineSnapshot(2, "TEE-CREW-L-BLK", 5, 0, Later)], "planner", Created), 10, version: 1)
            .Apply(new PurchaseOrderConfirmed(Id, "WH-LEEDS", "planner", Created.AddHours(1)), 11, version: 2)
            .Apply(new PurchaseOrderGoodsReceived(Id, "WH-LEEDS", PurchaseOrderStatus.PartiallyReceived,
                [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 10, Soon), new PurchaseOrderLineSnapshot(2, "TEE-CREW-L-BLK", 5, 0, Later)], "warehouse",
                Created.AddHours(2)), 12, version: 3);

        Assert.Equal((PurchaseOrderStatus.PartiallyReceived, Created, Created.AddHours(1), Created.AddHours(2), Created.AddHours(2), 12L, 3, Later),
            (view.Status, view.CreatedAt, view.ConfirmedAt!.Value, view.LastReceiptAt!.Value, view.UpdatedAt, view.LastSequence!.Value, view.Version,
                view.NextExpectedOn!.Value));
    }

    [Fact]
    public void AConfirmationWithTheSuppliersDates_MovesTheLinesEtas_AndAnOlderOneWithoutLines_KeepsTheDrafted()
    {
        var draft = PurchaseOrderView.Created(new PurchaseOrderCreated(Id, "TEXTIL-PORTO", "WH-LEEDS",
            [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 0, Soon)], "planner", Created), 1, version: 1);

        var moved = draft.Apply(new PurchaseOrderConfirmed(Id, "WH-LEEDS", "planner", Created.AddHours(1),
            [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 0, Later)]), 2, version: 2);
        var older = draft.Apply(new PurchaseOrderConfirmed(Id, "WH-LEEDS", "planner", Created.AddHours(1)), 2, version: 2);

        Assert.Equal((Later, Later), (moved.NextExpectedOn!.Value, moved.Lines[0].ExpectedOn));
        Assert.Equal(Soon, older.Lines[0].ExpectedOn);
    }

    [Fact]
    public void ACancelledOrDraftOrder_ExpectsWhatItsStatusSays()
    {
        var draft = PurchaseOrderView.Created(new PurchaseOrderCreated(Id, "TEXTIL-PORTO", "WH-LEEDS",
            [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 0, Soon)], "planner", Created), 1, version: 1);
        var cancelled = draft.Apply(new PurchaseOrderCancelled(Id, "WH-LEEDS", "Supplier out of cotton", "planner", Created.AddDays(1)), 2, version: 2);

        Assert.Equal(Soon, draft.NextExpectedOn);
        Assert.Null(cancelled.NextExpectedOn);
        Assert.Equal(("Supplier out of cotton", Created.AddDays(1)), (cancelled.CancellationReason, cancelled.CancelledAt!.Value));
    }

    [Fact]
    public void AnotherOrdersEvent_IsRefused()
    {
        var view = PurchaseOrderView.Created(new PurchaseOrderCreated(Id, "TEXTIL-PORTO", "WH-LEEDS",
            [new PurchaseOrderLineSnapshot(1, "TEE-CREW-M-BLK", 10, 0, Soon)], "planner", Created), 1, version: 1);

        Assert.Throws<ArgumentException>(() => view.Apply(new PurchaseOrderConfirmed(Guid.CreateVersion7(), "WH-LEEDS", "planner", Created), 2, version: 2));
        Assert.Null(PurchaseOrderView.IdOf(new SafetyStockSet("TEE-CREW-M-BLK", "WH-LEEDS", 3, "planner", Created)));
    }
}
