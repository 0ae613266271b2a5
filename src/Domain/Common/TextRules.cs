using System.Buffers;
using System.Globalization;
using System.Text;

namespace EcomErp.Domain.Common;

/// <summary>
/// What text people type and other people read may contain: names, addresses, notes and reasons end up on labels,
/// in the admin, in exports and in logs, where a control character, a hidden direction override or a name nobody can
/// see misleads the reader. One rule for every free-text field; each owner keeps its own required and length limits.
/// </summary>
public static class TextRules
{
    [ErrorDescription("A text field contains a control character or a broken (unpaired surrogate) character.")]
    public const string ControlCharacterCode = "TEXT_CONTROL_CHARACTER";
    [ErrorDescription("A text field contains a text-direction control (embedding, override or isolate) that would reorder what readers see.")]
    public const string BidiOverrideCode = "TEXT_BIDI_OVERRIDE";
    [ErrorDescription("A text field has no visible character, only blanks that render as nothing.")]
    public const string InvisibleOnlyCode = "TEXT_INVISIBLE_ONLY";

    // Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069) reorder what follows them: "Trojan Source".
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    // Letters and symbols that render as nothing, so a name made of them looks empty.
    private static readonly SearchValues<char> BlankGlyphs = SearchValues.Create("\u115F\u1160\u2800\u3164\uFFA0");

    /// <summary>
    /// The reason <paramref name="text"/> may not be kept in <paramref name="field"/>, or null when it may. A missing or
    /// blank text is its owner's concern (required, or absent when optional), not this rule's; a blank text that holds a
    /// control character (a lone tab, U+000B, U+0085: .NET counts them as white space) is refused like any other.
    /// </summary>
    public static Error? Check(string? text, string field, TextLayout layout = TextLayout.SingleLine)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var visible = false;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
                return new Error(ControlCharacterCode, $"{field} contains a broken character (an unpaired surrogate).", field);
            if (IsForbiddenControl(rune, layout))
                return new Error(ControlCharacterCode, $"{field} contains the control character U+{rune.Value:X4}.", field);
            if (rune.IsBmp && BidiControls.Contains((char)rune.Value))
                return new Error(BidiOverrideCode, $"{field} contains the text direction control U+{rune.Value:X4}.", field);
            visible |= IsVisible(rune);
            rest = rest[consumed..];
        }
        return visible || string.IsNullOrWhiteSpace(text) ? null : new Error(InvisibleOnlyCode, $"{field} has no visible character.", field);
    }

    private static bool IsForbiddenControl(Rune rune, TextLayout layout) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            // C0 and C1 controls and DEL; a multi-line text keeps its line breaks and tabs.
            UnicodeCategory.Control => layout == TextLayout.SingleLine || rune.Value is not ('\n' or '\r' or '\t'),
            // U+2028 and U+2029 break lines in some renderers and not in others.
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            _ => false,
        };

    private static bool IsVisible(Rune rune) =>
        !Rune.IsWhiteSpace(rune)
        && !(rune.IsBmp && BlankGlyphs.Contains((char)rune.Value))
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
