using CsvHelper;
using EcomErp.Application.Imports;
using EcomErp.Domain.Common;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// Reads an import file's text with CsvHelper: comma-separated, a header naming the layout's columns (any order, any case),
/// values trimmed, within the row limit. What the file is refuses it whole; what a row means is the command's to judge.
/// </summary>
internal sealed class CsvImportFileReader : IImportFileReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    public Result<IReadOnlyList<ImportFileRow>> Read(string content, ImportLayout layout, int maxRows)
    {
        if (content.Contains('\0', StringComparison.Ordinal))
            return Refused(ImportErrors.FileUnreadable, "The file is not a text file: save it as CSV (UTF-8) and try again.");
        try
        {
            using var csv = CsvReader.FromText(content, Options);
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
            var rows = new List<ImportFileRow>();
            while (csv.Read())
            {
                if (rows.Count == maxRows)
                    return Refused(ImportErrors.FileTooLarge, $"The file has more than {maxRows} rows; split it into several imports.");
                var values = header.Select((column, i) => (column, value: csv.GetString(i))).ToDictionary(p => p.column, p => p.value);
                rows.Add(new ImportFileRow(checked((int)csv.LineNumber), values));
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

    private static Result<IReadOnlyList<ImportFileRow>> Refused(string code, string message) =>
        Result<IReadOnlyList<ImportFileRow>>.Failure(new Error(code, message, "file"));
}
