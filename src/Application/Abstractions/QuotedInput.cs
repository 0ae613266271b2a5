using System.Text.RegularExpressions;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Error messages quote the client's own input ("'…' is not an email address", "Currency '…' is not supported"), and every edge
/// shows them: GraphQL's errors and the admin's forms alike. A quote of up to <see cref="MaxQuoted"/> characters is kept; a
/// longer one is cut to its start and an ellipsis, so a 200,000-character value refused by a rule does not come back whole in
/// every error that names it, while the rule's words stay.
/// </summary>
public static partial class QuotedInput
{
    public const int MaxQuoted = 64;

    /// <summary><paramref name="message"/> with each quoted run longer than <see cref="MaxQuoted"/> characters shortened.</summary>
    public static string Shorten(string message) =>
        message.Length <= MaxQuoted ? message : LongQuote().Replace(message, match => $"'{Cut(match.Groups[1].Value)}…'");

    // Cut between characters: never half of a surrogate pair.
    private static string Cut(string quoted) =>
        char.IsHighSurrogate(quoted[MaxQuoted - 1]) ? quoted[..(MaxQuoted - 1)] : quoted[..MaxQuoted];

    [GeneratedRegex("'([^']{65,})'", RegexOptions.CultureInvariant)]
    private static partial Regex LongQuote();
}
