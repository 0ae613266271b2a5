using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using GraphQL;
using GraphQL.Execution;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// What a client sees of an unexpected exception: a fixed message, <see cref="GraphQLErrorCodes.InternalError"/> and the
/// correlation id that finds the logged exception. The original exception rides along as the inner exception; the error
/// info provider shows its details only in Development.
/// </summary>
public sealed class InternalServerError : ExecutionError
{
    public const string ClientMessage = "Internal error";

    public InternalServerError(string correlationId, Exception? detail)
        : base(ClientMessage, detail)
    {
        Code = GraphQLErrorCodes.InternalError;
        CorrelationId = correlationId;
        // The base constructor copies the inner exception's Data into the error, which the response would show.
        Data.Clear();
    }

    public string CorrelationId { get; }
}

/// <summary>Adds the correlation id of masked errors and gives every error a code.</summary>
internal sealed class TransportErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string CorrelationIdKey = "correlationId";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Message = QuotedInput.Shorten(info.Message);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions.TryAdd("code", executionError.Code ?? GraphQLErrorCodes.Unspecified);
        if (executionError is InternalServerError internalError)
        {
            extensions[CorrelationIdKey] = internalError.CorrelationId;
        }

        info.Extensions = extensions;
        return info;
    }
}
