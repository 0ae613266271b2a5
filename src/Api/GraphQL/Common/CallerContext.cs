using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Security;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Domain.Common;
using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>Error codes the schema writes into <c>extensions.code</c>.</summary>
public static class SchemaErrorCodes
{
    [ErrorDescription("The API key lacks the scope the field needs, or is restricted to channels and asks for another channel or for a field closed to partner keys.")]
    public const string Forbidden = "FORBIDDEN";
    [ErrorDescription("An argument is malformed where its type cannot say so: an id that is not a UUID, first and last together, a page size out of range.")]
    public const string InvalidArgument = "INVALID_ARGUMENT";
}

/// <summary>Who is calling, from the execution's principal, and the checks every resolver makes with it.</summary>
public static class CallerContext
{
    public static ApiCaller Caller(this IResolveFieldContext context) =>
        context.User.ToCaller() ?? throw new ExecutionError("This operation needs an authenticated API client.") { Code = GraphQLErrorCodes.Unauthenticated };

    /// <summary>Throws a FORBIDDEN error unless the caller holds the scope.</summary>
    public static ApiCaller RequireScope(this IResolveFieldContext context, string scope)
    {
        var caller = context.Caller();
        if (!caller.Scopes.Contains(scope, StringComparer.Ordinal))
            throw new ExecutionError($"This operation needs the '{scope}' scope.") { Code = SchemaErrorCodes.Forbidden };
        return caller;
    }

    /// <summary>The channels the caller may see, or null for every channel.</summary>
    public static IReadOnlyCollection<string>? VisibleChannels(this ApiCaller caller) => caller.Channels.Count == 0 ? null : caller.Channels;

    public static bool MaySee(this ApiCaller caller, string channel) =>
        caller.Channels.Count == 0 || caller.Channels.Contains(channel, StringComparer.Ordinal);

    /// <summary>Throws a FORBIDDEN error when a key restricted to channels names another one (the code as the caller wrote it).</summary>
    public static void RequireChannel(this ApiCaller caller, string channel)
    {
        if (!caller.MaySee(channel.Trim().ToUpperInvariant()))
            throw new ExecutionError($"This key may not read channel '{channel}'; it is restricted to {string.Join(", ", caller.Channels)}.")
            {
                Code = SchemaErrorCodes.Forbidden,
            };
    }

    public static Actor Actor(this ApiCaller caller) => caller.ToActor();

    /// <summary>Parses an ID argument; a malformed id is the client's mistake and says so.</summary>
    public static Guid IdArgument(this IResolveFieldContext context, string name)
    {
        var raw = context.GetArgument<string>(name);
        return Guid.TryParse(raw, out var id)
            ? id
            : throw new ExecutionError($"'{raw}' is not a valid id for argument '{name}'.") { Code = SchemaErrorCodes.InvalidArgument };
    }
}
