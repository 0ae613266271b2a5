using System.Buffers.Text;
using System.Text;
using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>Opaque Relay cursors: base64url of a versioned text form, so clients cannot build or depend on them.</summary>
public static class Cursors
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static string Encode(string value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1:" + value));

    /// <summary>Decodes a cursor this server issued; anything else is the client's mistake.</summary>
    public static string Decode(string cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("v1:", StringComparison.Ordinal))
                return text[3..];
        }
        catch (FormatException)
        {
        }
        throw new ExecutionError($"'{cursor}' is not a cursor this API issued (argument '{argument}').") { Code = SchemaErrorCodes.InvalidArgument };
    }

    public static int PageSize(int? first, string argument = "first") => first switch
    {
        null => DefaultPageSize,
        < 0 or > MaxPageSize => throw new ExecutionError($"'{argument}' must be between 0 and {MaxPageSize}.") { Code = SchemaErrorCodes.InvalidArgument },
        _ => first.Value,
    };

    /// <summary>A Relay connection over one page: edges with their cursors, page info and the total count.</summary>
    public static ConnectionPage Connection<T>(IReadOnlyList<T> nodes, Func<int, string> cursorAt, bool hasNextPage, bool isAfterACursor, int totalCount)
        where T : notnull =>
        ConnectionPage.Of(nodes, cursorAt, hasNextPage, isAfterACursor, totalCount);
}
