namespace EcomErp.Domain.Returns;

/// <summary>The catalog of return reasons; a channel's policy says which of them it accepts.</summary>
public static class ReturnReasons
{
    public const int CodeMaxLength = 40;

    public const string ChangedMindCode = "CHANGED_MIND";
    public const string WrongSizeCode = "WRONG_SIZE";
    public const string NotAsDescribedCode = "NOT_AS_DESCRIBED";
    public const string DefectiveCode = "DEFECTIVE";
    public const string WrongItemSentCode = "WRONG_ITEM_SENT";

    public static readonly ReturnReason ChangedMind = new(ChangedMindCode, "The customer no longer wants the item.", ReturnFault.Customer);
    public static readonly ReturnReason WrongSize = new(WrongSizeCode, "The item does not fit.", ReturnFault.Customer);
    public static readonly ReturnReason NotAsDescribed = new(NotAsDescribedCode, "The item differs from its description.", ReturnFault.Seller);
    public static readonly ReturnReason Defective = new(DefectiveCode, "The item is faulty or arrived damaged.", ReturnFault.Seller);
    public static readonly ReturnReason WrongItemSent = new(WrongItemSentCode, "Another item than the one ordered was sent.", ReturnFault.Seller);

    public static IReadOnlyList<ReturnReason> All { get; } = [ChangedMind, WrongSize, NotAsDescribed, Defective, WrongItemSent];

    public static ReturnReason? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
