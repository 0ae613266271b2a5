using System.Globalization;
using System.Numerics;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// A number written in text, read as a <see cref="decimal"/> only when the decimal holds exactly the number written.
/// <c>decimal.TryParse</c> rounds past 28–29 significant digits and to zero below 10⁻²⁸, so "25.00999999999999999999999999999"
/// would become 25.01 and "0.0000000000000000000000000000001" nothing at all: an amount the client never sent.
/// </summary>
public static class ExactDecimal
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Reads <paramref name="text"/> (an optional sign, digits with an optional point, an optional exponent).</summary>
    public static bool TryParse(string text, out decimal amount) =>
        decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out amount) && (IsShortPlain(text) || Holds(text, amount));

    /// <summary>
    /// Every price a capture sends ("25.00"): at most 28 characters and no exponent, so at most 28 digits of which at most 27
    /// follow the point, which a decimal always holds exactly. Only longer text needs the digit-by-digit comparison.
    /// </summary>
    private static bool IsShortPlain(string text) => text.Length <= 28 && text.AsSpan().IndexOfAny('e', 'E') < 0;

    /// <summary>Whether <paramref name="amount"/>, read from <paramref name="text"/>, is the number the text writes.</summary>
    private static bool Holds(string text, decimal amount)
    {
        // The text's significant digits and the power of ten of its last one.
        var exponentAt = text.AsSpan().IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? text.AsSpan() : text.AsSpan(0, exponentAt);
        long exponent = 0;
        if (exponentAt >= 0 && !long.TryParse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            return false;
        var point = mantissa.IndexOf('.');
        var digits = string.Concat(mantissa.ToString().Where(char.IsAsciiDigit)).TrimStart('0');
        if (point >= 0)
            exponent -= mantissa.Length - point - 1;
        var significant = digits.TrimEnd('0');
        if (significant.Length == 0)
            return amount == 0;
        exponent += digits.Length - significant.Length;
        // No decimal has more than 29 significant digits, or its last one beyond these powers of ten.
        if (significant.Length > 29 || exponent is < -28 or > 28)
            return false;

        // The decimal's own: its 96-bit integer over a power of ten, without trailing zeros.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var integer = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        long power = -((bits[3] >> 16) & 0xFF);
        while (!integer.IsZero && integer % 10 == 0)
        {
            integer /= 10;
            power++;
        }

        return power == exponent && integer == BigInteger.Parse(significant, CultureInfo.InvariantCulture);
    }
}
