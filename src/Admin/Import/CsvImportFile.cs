using System.Text;
using CsvHelper;
using EcomErp.Application.Imports;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace EcomErp.Admin.Import;

/// <summary>One data row of an import file: its line in the file (the header is line 1) and its values by column.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string? this[string column] => Values.GetValueOrDefault(column);
}

/// <summary>The columns of one kind of import file: those every file has, and those a file may leave out.</summary>
public sealed record CsvLayout(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public IEnumerable<string> All => Required.Concat(Optional);
}

/// <summary>
/// Reads an uploaded CSV file for an import: UTF-8 text, comma-separated, a header naming the layout's columns (any order, any
/// case), within the configured size and row count. What the file is refuses it whole; what a row means is the command's to judge.
/// </summary>
public static class CsvImportFile
{
    public static async Task<Result<IReadOnlyList<CsvRow>>> ReadAsync(IFormFile? file, CsvLayout layout, ImportOptions limits,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return Refused(ImportErrors.FileEmpty, "Choose a CSV file to import; the file sent is empty.");
        if (file.Length > limits.MaxFileBytes)
            return Refused(ImportErrors.FileTooLarge, $"The file is {Size(file.Length)}; an import takes at most {Size(limits.MaxFileBytes)}.");
        string text;
        try
        {
            await using var stream = file.OpenReadStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Refused(ImportErrors.FileUnreadable, "The file is not UTF-8 text: save it as CSV (UTF-8) and try again.");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
            return Refused(ImportErrors.FileUnreadable, "The file is not a text file: save it as CSV (UTF-8) and try again.");
        return Parse(text, layout, limits);
    }

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    private static Result<IReadOnlyList<CsvRow>> Parse(string text, CsvLayout layout, ImportOptions limits)
    {
        try
        {
            using var csv = CsvReader.FromText(text, Options);
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
                return Refused(ImportErrors.FileEmpty, "The file is empty: it needs a header line and at least one row.");
            var missing = layout.Required.Where(c => !header.Contains(c)).ToList();
            var unknown = header.Where(h => !layout.All.Contains(h)).ToList();
            if (missing.Count > 0 || unknown.Count > 0 || header.Distinct().Count() != header.Length)
                return Refused(ImportErrors.HeaderInvalid,
                    $"The first line names the columns {string.Join(",", layout.Required)}"
                    + (layout.Optional.Count > 0 ? $" (and optionally {string.Join(",", layout.Optional)})" : "")
                    + (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "")
                    + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "") + ".");
            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                if (rows.Count == limits.MaxRows)
                    return Refused(ImportErrors.FileTooLarge, $"The file has more than {limits.MaxRows} rows; split it into several imports.");
                var values = header.Select((column, i) => (column, value: csv.GetString(i))).ToDictionary(p => p.column, p => p.value);
                rows.Add(new CsvRow(checked((int)csv.LineNumber), values));
            }
            return rows.Count == 0
                ? Refused(ImportErrors.FileEmpty, "The file has a header and no rows to import.")
                : rows;
        }
        catch (CsvFormatException problem)
        {
            return Refused(ImportErrors.FileUnreadable,
                $"The file is not readable as CSV at line {problem.LineNumber}: a quote left open, or a row with more or fewer values than the header has columns.");
        }
    }

    private static Result<IReadOnlyList<CsvRow>> Refused(string code, string message) =>
        Result<IReadOnlyList<CsvRow>>.Failure(new Error(code, message, "file"));

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
