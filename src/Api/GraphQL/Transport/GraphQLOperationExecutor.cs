using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>A request whose document has been parsed (when it parses) and whose operation has been picked (when it can be).</summary>
/// <param name="OperationType"><see langword="null"/> when the document does not parse or names no single operation: execution reports why.</param>
/// <param name="Error">Set when the request names an operation the document does not hold.</param>
public sealed record PreparedOperation(GraphQLOperationRequest Request, GraphQLDocument? Document, OperationType? OperationType, ExecutionError? Error)
{
    public IntrospectionUse Introspection { get; init; }
}

/// <summary>Runs GraphQL requests for both transports: the schema from DI, the limits, the user context and error masking.</summary>
public sealed partial class GraphQLOperationExecutor
{
    private readonly IDocumentExecuter executer;
    private readonly ILogger<GraphQLOperationExecutor> logger;
    private readonly GraphQLTransportOptions options;
    private readonly ExecutionLimits limits;
    private readonly IValidationRule[] validationRules;

    public GraphQLOperationExecutor(IDocumentExecuter executer, IOptions<GraphQLTransportOptions> options, ILogger<GraphQLOperationExecutor> logger)
    {
        this.executer = executer;
        this.logger = logger;
        this.options = options.Value;
        limits = new ExecutionLimits(options.Value);
        validationRules = [.. DocumentValidator.CoreRules, .. limits.CreateValidationRules()];
    }

    /// <summary>
    /// Bounds, parses and measures the document and finds the operation to run, so a transport can refuse it before
    /// execution. A document over a limit is refused here, before the engine's validation spends anything on it.
    /// </summary>
    public PreparedOperation Prepare(GraphQLOperationRequest request)
    {
        if (limits.CheckTokens(request.Query) is { } tooManyTokens)
        {
            return Refused(request, tooManyTokens);
        }

        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query, ExecutionLimits.ParserOptions);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refused(request, new ExecutionLimitError(GraphQLErrorCodes.MaxDepthExceeded,
                $"The document nests more than {ExecutionLimits.MaxSyntaxNesting} syntax levels deep; the maximum depth is {options.MaxDepth} fields."));
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer parses again and reports the syntax error in the specification's shape.
            return new PreparedOperation(request, null, null, null);
        }

        var introspection = Introspection.Of(document);
        if (limits.CheckShape(document, introspection) is { } overLimit)
        {
            return Refused(request, overLimit);
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (request.OperationName is null)
        {
            return new PreparedOperation(request, document, operations.Count == 1 ? operations[0].Operation : null, null) { Introspection = introspection };
        }

        var named = operations.FirstOrDefault(operation => operation.Name?.StringValue == request.OperationName);
        if (named is not null)
        {
            return new PreparedOperation(request, document, named.Operation, null) { Introspection = introspection };
        }

        var known = operations.Select(operation => operation.Name?.StringValue).OfType<string>().ToList();
        var error = new ExecutionError(
            $"The document has no operation named '{request.OperationName}'" +
            (known.Count == 0 ? "; its operations are anonymous." : $"; it defines {string.Join(", ", known.Select(name => $"'{name}'"))}."))
        {
            Code = GraphQLErrorCodes.OperationNotFound,
        };
        return new PreparedOperation(request, document, null, error);
    }

    /// <param name="correlationId">Written on masked errors and logged with their exception.</param>
    public async Task<ExecutionResult> ExecuteAsync(
        PreparedOperation operation, ClaimsPrincipal user, IServiceProvider services, string correlationId, CancellationToken cancellationToken)
    {
        if (operation.Error is not null)
        {
            if (operation.Error is ExecutionLimitError)
            {
                // The code says which limit; the document itself stays out of the log (it may be as large as the request limit).
                LogRefused(logger, correlationId, operation.Error.Code);
            }

            return new ExecutionResult { Errors = [operation.Error] };
        }

        if (operation.Introspection != IntrospectionUse.None && !AllowsIntrospection(user))
        {
            LogRefused(logger, correlationId, GraphQLErrorCodes.IntrospectionDisabled);
            return new ExecutionResult
            {
                Errors =
                [
                    new ExecutionError(options.Introspection == IntrospectionAccess.Off
                        ? "Introspection (__schema, __type) is turned off on this server; __typename still answers."
                        : "Introspection (__schema, __type) needs an API key; __typename still answers.")
                    {
                        Code = GraphQLErrorCodes.IntrospectionDisabled,
                    },
                ],
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = operation.Request;
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = request.Query,
            Document = operation.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            UserContext = new GraphQLUserContext(user),
            RequestServices = services,
            ValidationRules = validationRules,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                LogUnhandledException(logger, context.OriginalException, correlationId, context.FieldContext?.FieldDefinition.Name);
                context.Exception = new InternalServerError(correlationId, context.OriginalException);
                return Task.CompletedTask;
            },
        });
        CapErrors(result);
        return result;
    }

    /// <summary>Whether <paramref name="user"/> may see the schema: by introspection, or as <c>schema.graphql</c>.</summary>
    public bool AllowsIntrospection(ClaimsPrincipal user) =>
        options.Introspection == IntrospectionAccess.Authenticated && user.Identity?.IsAuthenticated == true;

    /// <summary>Keeps the first <see cref="GraphQLTransportOptions.MaxErrors"/> errors and says how many more there were.</summary>
    private void CapErrors(ExecutionResult result)
    {
        if (result.Errors is not { } errors || errors.Count <= options.MaxErrors)
        {
            return;
        }

        var kept = new ExecutionErrors();
        kept.AddRange(errors.Take(options.MaxErrors));
        kept.Add(new ExecutionError($"{errors.Count - options.MaxErrors} more errors were cut; a response carries at most {options.MaxErrors}.")
        {
            Code = GraphQLErrorCodes.MaxErrorsExceeded,
        });
        result.Errors = kept;
    }

    private static PreparedOperation Refused(GraphQLOperationRequest request, ExecutionLimitError error) => new(request, null, null, error);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL request {CorrelationId} failed unexpectedly in field {Field}")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string correlationId, string? field);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL request {CorrelationId} refused before validation: {Code}")]
    private static partial void LogRefused(ILogger logger, string correlationId, string? code);
}
