namespace EcomErp.Domain.Orders;

/// <summary>A reason an order may not move forward, until someone releases it.</summary>
public sealed class Hold
{
    private Hold() { }

    internal Hold(Guid id, HoldType type, string reason, string placedBy, DateTimeOffset placedAt) =>
        (Id, Type, Reason, PlacedBy, PlacedAt) = (id, type, reason, placedBy, placedAt);

    public Guid Id { get; private set; }
    public HoldType Type { get; private set; }
    public string Reason { get; private set; } = "";
    public string PlacedBy { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => ReleasedAt is null;

    /// <summary>Holds that need a second person: whoever placed them by hand may not release them.</summary>
    public bool RequiresFourEyes => Type is HoldType.HighValueApproval or HoldType.FraudReview or HoldType.CreditCheck;

    internal void Release(string releasedBy, DateTimeOffset at, string resolution) =>
        (ReleasedBy, ReleasedAt, Resolution) = (releasedBy, at, resolution);

    /// <summary>The same open hold for a new reason: an amendment that did not cure what it holds the order for.</summary>
    internal void Restate(string reason) => Reason = reason;
}
