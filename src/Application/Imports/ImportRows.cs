using System.Globalization;
using System.Text.RegularExpressions;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Imports;

/// <summary>What an import answers: the reference its ledger entries and audit record carry, and how many rows it took in.</summary>
public sealed record ImportResult(string Reference, int Imported);

/// <summary>
/// How imports name their rows and read their values. A refusal names the row's line in the file and the column, as
/// <c>lines[4].price</c>, so a report can say "line 4, price: …" with the domain's own message.
/// </summary>
public static partial class ImportRows
{
    /// <summary>The audit subject kind of an import: it is no stored record, so the kind is its own.</summary>
    public const string AuditKind = "Import";

    public const int ReferenceMaxLength = 40;

    public static AuditSubject Subject(string reference) => new(AuditKind, reference);

    /// <summary>How the ledger names an import, like <c>PO:</c> and <c>ADJ:</c> name documents.</summary>
    public static string LedgerReference(string reference) => $"IMPORT:{reference}";

    public static Error AtLine(int line, Error error, string column) => error.WithField($"lines[{line}].{error.Field ?? column}");

    /// <summary>The line and column a refusal of a row names, or null when it names no row (a refusal of the whole file).</summary>
    public static (int Line, string Column)? LineOf(Error error) =>
        error.Field is { } field && LinePath().Match(field) is { Success: true } match
            ? (int.Parse(match.Groups["line"].ValueSpan, CultureInfo.InvariantCulture), match.Groups["column"].Value)
            : null;

    public static Result<decimal> Amount(string? text, string column) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : Unreadable(column, $"The {column} is a number such as 19.99, not \"{text}\".");

    public static Result<int> WholeNumber(string? text, string column) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : Unreadable(column, $"The {column} is a whole number such as 180, not \"{text}\".");

    /// <summary>A yes/no column: blank is no.</summary>
    public static Result<bool> Flag(string? text, string column) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "NO" or "FALSE" or "0" or "N" => false,
        "YES" or "TRUE" or "1" or "Y" => true,
        _ => Unreadable(column, $"The {column} column is yes or no, not \"{text}\"."),
    };

    /// <summary>A list of codes in one column, separated by <c>|</c>; blank is none.</summary>
    public static IReadOnlyList<string> Codes(string? text) =>
        [.. (text ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A file size as people read it: <c>812 bytes</c>, <c>4 KB</c>, <c>2.5 MB</c>.</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";

    private static Error Unreadable(string column, string message) => new(ImportErrors.ValueUnreadable, message, column);

    [GeneratedRegex(@"^lines\[(?<line>\d+)\]\.(?<column>.*)$")]
    private static partial Regex LinePath();
}
