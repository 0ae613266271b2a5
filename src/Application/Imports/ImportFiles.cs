using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;

namespace EcomErp.Application.Imports;

/// <summary>One data row of an import file: its line in the file (the header is line 1) and its values by column.</summary>
public sealed record ImportFileRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string? this[string column] => Values.GetValueOrDefault(column);
}

/// <summary>The columns of one kind of import file: those every file has, and those a file may leave out.</summary>
public sealed record ImportLayout(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public static ImportLayout Skus { get; } = new(
        ["code", "name", "style", "size", "colour", "price", "cost", "currency", "weight"], ["critical", "substitutes"]);

    public static ImportLayout OpeningStock { get; } = new(["sku", "location", "quantity"], ["bucket"]);

    public IEnumerable<string> All => Required.Concat(Optional);

    public static ImportLayout For(ImportKind kind) => kind switch
    {
        ImportKind.Skus => Skus,
        ImportKind.OpeningStock => OpeningStock,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No import of this kind."),
    };
}

/// <summary>
/// Reads an import file's text as CSV: a header naming the layout's columns (any order, any case), comma-separated rows,
/// at most <c>maxRows</c> of them. What the file is refuses it whole (field <c>file</c>); what a row means is the command's to judge.
/// </summary>
public interface IImportFileReader
{
    Result<IReadOnlyList<ImportFileRow>> Read(string content, ImportLayout layout, int maxRows);
}
