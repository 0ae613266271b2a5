using System.Text;
using EcomErp.Application.Imports;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace EcomErp.Admin.Import;

/// <summary>
/// Reads an uploaded import file as text, as binding reads a form: something was sent, within the configured size, and it is
/// UTF-8. Whether it is CSV of the right columns is the import command's to judge (<c>QueueImport</c>), as is every row.
/// </summary>
public static class CsvImportFile
{
    public static async Task<Result<string>> ReadAsync(IFormFile? file, ImportOptions limits, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return Refused(ImportErrors.FileEmpty, "Choose a CSV file to import; the file sent is empty.");
        if (file.Length > limits.MaxFileBytes)
            return Refused(ImportErrors.FileTooLarge, $"The file is {ImportRows.Size(file.Length)}; an import takes at most {ImportRows.Size(limits.MaxFileBytes)}.");
        try
        {
            await using var stream = file.OpenReadStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Refused(ImportErrors.FileUnreadable, "The file is not UTF-8 text: save it as CSV (UTF-8) and try again.");
        }
    }

    private static Result<string> Refused(string code, string message) => Result<string>.Failure(new Error(code, message, "file"));
}
