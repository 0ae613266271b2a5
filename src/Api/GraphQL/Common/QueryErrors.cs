using EcomErp.Domain.Common;
using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// Expected failures of a query (it has no payload for userErrors) become GraphQL errors, each with its code in
/// <c>extensions.code</c>; the message names the argument at fault.
/// </summary>
public static class QueryErrors
{
    /// <summary>The value of a successful result; otherwise reports every error of it and ends the field.</summary>
    public static T ValueOrThrow<T>(this IResolveFieldContext context, Result<T> result)
    {
        if (result.IsSuccess)
            return result.Value;
        foreach (var error in result.Errors.Skip(1))
            context.Errors.Add(ToExecutionError(error, context));
        throw ToExecutionError(result.Errors[0], context);
    }

    private static ExecutionError ToExecutionError(Error error, IResolveFieldContext context) =>
        new(error.Field is null ? error.Message : $"{error.Field}: {error.Message}") { Code = error.Code, Path = context.ResponsePath };
}
