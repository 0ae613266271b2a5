namespace EcomErp.Domain.Returns;

/// <summary>The catalog of return reasons; a channel's policy says which of them it accepts.</summary>
public static class ReturnReasons
{
    public const int CodeMaxLength = 40;

    public static readonly ReturnReason ChangedMind = new("CHANGED_MIND", "The customer no longer wants the item.", ReturnFault.Customer);
    public static readonly ReturnReason WrongSize = new("WRONG_SIZE", "The item does not fit.", ReturnFault.Customer);
    public static readonly ReturnReason NotAsDescribed = new("NOT_AS_DESCRIBED", "The item differs from its description.", ReturnFault.Seller);
    public static readonly ReturnReason Defective = new("DEFECTIVE", "The item is faulty or arrived damaged.", ReturnFault.Seller);
    public static readonly ReturnReason WrongItemSent = new("WRONG_ITEM_SENT", "Another item than the one ordered was sent.", ReturnFault.Seller);

    public static IReadOnlyList<ReturnReason> All { get; } = [ChangedMind, WrongSize, NotAsDescribed, Defective, WrongItemSent];

    public static ReturnReason? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
