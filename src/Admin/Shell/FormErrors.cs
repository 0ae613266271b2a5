using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace EcomErp.Admin.Shell;

/// <summary>
/// How the admin shows a command's refusal: the domain's message, readable, beside the field it concerns (or above the
/// form when it concerns none). The error code is for programs (GraphQL's <c>userErrors</c>, logs, the audit log), not
/// for people, so it is not printed in the text.
/// </summary>
public static class FormErrors
{
    /// <summary>What a person reads for <paramref name="error"/>: a long quote of their input is cut to its start, as the API cuts it.</summary>
    public static string Readable(Error error) => QuotedInput.Shorten(error.Message);

    /// <summary>
    /// The binder's refusals in its own words, but with a long value it could not read quoted by its start only (a 200,000-character
    /// "number" is not said back whole beside its field).
    /// </summary>
    public static void QuoteShortly(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => QuotedInput.Shorten($"The value '{value}' is not valid for {field}."));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => QuotedInput.Shorten($"The value '{value}' is not valid."));
        messages.SetValueIsInvalidAccessor(value => QuotedInput.Shorten($"The value '{value}' is invalid."));
        messages.SetValueMustNotBeNullAccessor(value => QuotedInput.Shorten($"The value '{value}' is invalid."));
    }

    /// <summary>
    /// Adds each error to <paramref name="modelState"/> under the form field <paramref name="fieldOf"/> names for the
    /// error's field (the command's argument name); an empty key puts it in the form's summary.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors, Func<string?, string> fieldOf)
    {
        foreach (var error in errors)
            modelState.AddModelError(fieldOf(error.Field), Readable(error));
    }

    /// <summary>Keeps only the errors of the form posted (<paramref name="prefix"/>, e.g. <c>Input</c>), when a page holds several forms.</summary>
    public static void KeepOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var other in modelState.Keys.Where(k => !k.StartsWith($"{prefix}.", StringComparison.Ordinal)).ToList())
            modelState.Remove(other);
    }
}
