namespace EcomErp.Domain.Common;

/// <summary>
/// Marks a <c>const string</c> as an error code and says in one sentence when it happens. The API's list of error codes
/// (the GraphQL enum UserErrorCode and docs/errors.md) is read from these, so a code and its meaning live in one place.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ErrorDescriptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
