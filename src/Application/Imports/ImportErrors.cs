using EcomErp.Domain.Common;

namespace EcomErp.Application.Imports;

/// <summary>Expected failures of bulk imports that are about the file or a value's form; what a row means is refused by the same rules as the forms.</summary>
public static class ImportErrors
{
    [ErrorDescription("An import file is empty or holds a header and no rows.")]
    public const string FileEmpty = "IMPORT_FILE_EMPTY";
    [ErrorDescription("An import file is not a readable CSV file (not text, unbalanced quotes, a row with a different number of columns).")]
    public const string FileUnreadable = "IMPORT_FILE_UNREADABLE";
    [ErrorDescription("An import file's header does not name the columns of its kind.")]
    public const string HeaderInvalid = "IMPORT_HEADER_INVALID";
    [ErrorDescription("An import file is larger, or has more rows, than the import accepts.")]
    public const string FileTooLarge = "IMPORT_FILE_TOO_LARGE";
    [ErrorDescription("A value in a row of an import file is not a number, a yes/no flag or a bucket where one is expected.")]
    public const string ValueUnreadable = "IMPORT_VALUE_UNREADABLE";
    [ErrorDescription("The same SKU (or SKU and location) is listed on two rows of one import file.")]
    public const string DuplicateRow = "IMPORT_DUPLICATE_ROW";
    [ErrorDescription("There is no import run of this id.")]
    public const string NotFound = "IMPORT_NOT_FOUND";
    [ErrorDescription("The worker could not finish an import run (an unexpected fault); nothing of the file was taken in, and it can be uploaded again.")]
    public const string RunFailed = "IMPORT_RUN_FAILED";
    [ErrorDescription("The worker running an import run stopped (a crash, a restart, a lost machine) before it finished; nothing of the file was taken in, and it can be uploaded again.")]
    public const string RunAbandoned = "IMPORT_RUN_ABANDONED";
}
