namespace EcomErp.Domain.Common;

/// <summary>Reads the codes marked with <see cref="ErrorDescriptionAttribute"/>.</summary>
public static class DescribedErrorCodes
{
    /// <summary>
    /// Every <c>const string</c> marked with a description in <paramref name="types"/>, sorted by code. A code may be
    /// declared once; one that is not SCREAMING_CASE or is declared twice throws, so a list that cannot become a
    /// GraphQL enum stops the host at start-up instead of failing a response later.
    /// </summary>
    public static IReadOnlyList<DescribedErrorCode> In(IEnumerable<Type> types)
    {
        var codes = new SortedDictionary<string, DescribedErrorCode>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            {
                if (!field.IsLiteral || field.FieldType != typeof(string)
                    || field.GetCustomAttributes(typeof(ErrorDescriptionAttribute), false) is not [ErrorDescriptionAttribute description])
                    continue;
                var code = (string)field.GetRawConstantValue()!;
                if (!IsScreamingCase(code))
                    throw new InvalidOperationException($"{type.FullName}.{field.Name}: error code '{code}' is not SCREAMING_CASE.");
                if (!codes.TryAdd(code, new DescribedErrorCode(code, description.Text)))
                    throw new InvalidOperationException($"{type.FullName}.{field.Name}: error code '{code}' is declared twice; refer to the one declaration instead.");
            }
        }

        return [.. codes.Values];
    }

    /// <summary>Upper-case letters and digits in words joined by single underscores, starting with a letter: ORDER_NOT_FOUND.</summary>
    public static bool IsScreamingCase(string code) =>
        code.Length > 0 && code[0] is >= 'A' and <= 'Z' && code[^1] != '_' && !code.Contains("__", StringComparison.Ordinal)
        && code.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');
}
