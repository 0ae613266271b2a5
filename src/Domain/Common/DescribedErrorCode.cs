namespace EcomErp.Domain.Common;

/// <summary>An error code and, in one sentence, when it happens.</summary>
public sealed record DescribedErrorCode(string Code, string Description);
