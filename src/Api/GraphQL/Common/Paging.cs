using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Execution;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// The page a connection field was asked for, after its arguments were checked: how many items, from which end, and the
/// keyset positions the cursors named (the store's own key text, as <see cref="Paging.Cursor"/> wrote it).
/// </summary>
/// <param name="FromTheEnd">True for <c>last</c>: the page is the last <paramref name="Size"/> items before <paramref name="Before"/>.</param>
public sealed record PageArguments(int Size, bool FromTheEnd, string? After, string? Before)
{
    internal string List { get; init; } = "";
    internal string Fingerprint { get; init; } = "";

    /// <summary>The opaque cursor of one item of this page: the list's name, the arguments' fingerprint and the store's key text.</summary>
    public string Cursor(string key) => Paging.Cursor(List, Fingerprint, key);
}

/// <summary>
/// Relay paging for every connection: <c>first/after/last/before</c> with the same limits and the same opaque cursors.
/// A cursor names its list and a fingerprint of the field's other arguments (filter, sort, SKU...), so a cursor from
/// another list, sort or filter is refused with a code instead of silently paging the wrong list.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    [ErrorDescription("An after or before cursor is not one this API issued for this list.")]
    public const string InvalidCursor = "INVALID_CURSOR";

    [ErrorDescription("An after or before cursor was issued for the same list with other arguments (another sort or filter); start again without it.")]
    public const string CursorMismatch = "CURSOR_MISMATCH";

    private const string Version = "c2";
    private static readonly string[] PagingArgumentNames = ["first", "after", "last", "before"];

    /// <summary>Adds <c>first/after/last/before</c>; <paramref name="order"/> says what "first" means for this list.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string order) => field
        .Argument<IntGraphType>("first", $"The first items of the list ({order}), 0 to {MaxPageSize}; {DefaultPageSize} when neither first nor last is given. Not with 'last'.")
        .Argument<StringGraphType>("after", "Only items after this cursor (a page's endCursor).")
        .Argument<IntGraphType>("last", $"The last items of the list, 0 to {MaxPageSize}. Not with 'first'.")
        .Argument<StringGraphType>("before", "Only items before this cursor (a page's startCursor).");

    /// <summary>Reads and checks the paging arguments of a field that has <see cref="PagingArguments"/>.</summary>
    public static PageArguments Page(this IResolveFieldContext context, string list)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
            throw Invalid("Pass 'first' or 'last', not both.");
        var size = last is null ? Size(first, "first") : Size(last, "last");
        var fingerprint = Fingerprint(context);
        return new PageArguments(size, last is not null,
            Key(context.GetArgument<string?>("after"), "after", list, fingerprint),
            Key(context.GetArgument<string?>("before"), "before", list, fingerprint))
        {
            List = list,
            Fingerprint = fingerprint,
        };
    }

    /// <summary>
    /// The store's (sort key, id) position in a cursor <see cref="Page"/> accepted for a keyset list; its key text is ours, so
    /// one that does not parse is a forgery.
    /// </summary>
    public static OrderCursor? KeysetPosition(string? key) => key is null
        ? null
        : OrderCursor.Parse(key) ?? throw new ExecutionError("The cursor is not one this API issued for this list.") { Code = InvalidCursor };

    // The fingerprint is computed once per field, in Page; every cursor of the page reuses it.
    internal static string Cursor(string list, string fingerprint, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{list}|{fingerprint}|{key}"));

    private static int Size(int? requested, string argument) => requested switch
    {
        null => DefaultPageSize,
        < 0 or > MaxPageSize => throw Invalid($"'{argument}' must be between 0 and {MaxPageSize}."),
        _ => requested.Value,
    };

    private static string? Key(string? cursor, string argument, string list, string fingerprint)
    {
        if (cursor is null)
            return null;
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 4);
        }
        catch (FormatException)
        {
            parts = [];
        }
        if (parts.Length != 4 || parts[0] != Version || parts[1] != list)
            throw new ExecutionError($"'{cursor}' is not a cursor of this list (argument '{argument}').") { Code = InvalidCursor };
        if (parts[2] != fingerprint)
            throw new ExecutionError($"The cursor in '{argument}' belongs to this list with other arguments (sort or filter); page with the arguments it came from, or start again without it.")
            {
                Code = CursorMismatch,
            };
        return parts[3];
    }

    /// <summary>A short hash of every argument but the paging ones, as the field received them after coercion.</summary>
    private static string Fingerprint(IResolveFieldContext context)
    {
        var arguments = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (context.Arguments is not null)
        {
            foreach (var (name, value) in context.Arguments)
            {
                if (Array.IndexOf(PagingArgumentNames, name) < 0 && value.Source != ArgumentSource.FieldDefault && value.Value is not null)
                    arguments[name] = value.Value;
            }
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(arguments, FingerprintJson);
        return Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 6));
    }

    private static readonly JsonSerializerOptions FingerprintJson = new() { WriteIndented = false };

    private static ExecutionError Invalid(string message) => new(message) { Code = SchemaErrorCodes.InvalidArgument };
}
