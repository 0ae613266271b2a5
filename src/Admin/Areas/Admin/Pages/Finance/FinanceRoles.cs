using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.Finance;

/// <summary>Who reads the money side: the journal and the documents book every channel's money, so finance and administrators only.</summary>
public static class FinanceRoles
{
    public const string Readers = $"{Roles.Admin},{Roles.Finance}";

    public static IReadOnlyList<string> ReaderList { get; } = [Roles.Admin, Roles.Finance];
}
