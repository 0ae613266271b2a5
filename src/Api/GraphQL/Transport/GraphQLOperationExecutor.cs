using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>A request whose document has been parsed (when it parses) and whose operation has been picked (when it can be).</summary>
/// <param name="OperationType"><see langword="null"/> when the document does not parse or names no single operation: execution reports why.</param>
/// <param name="Error">Set when the request names an operation the document does not hold.</param>
public sealed record PreparedOperation(GraphQLOperationRequest Request, GraphQLDocument? Document, OperationType? OperationType, ExecutionError? Error)
{
    public IntrospectionUse Introspection { get; init; }

    /// <summary>The document passed validation before and came from the cache: only the rules that read the request's variables run again.</summary>
    public bool Validated { get; init; }

    /// <summary>
    /// Kept with a complexity no variable can change (<see cref="ExecutionLimits.ComplexityReadsVariables"/>), measured within the
    /// limit when it was kept: no rule runs again, only the variables' coercion.
    /// </summary>
    public bool ComplexityKnown { get; init; }
}

/// <summary>
/// Runs GraphQL requests for both transports: the schema from DI, the limits, the user context and error masking. A document
/// that passed validation is kept, by its text and operation name, in a cache bounded by
/// <see cref="GraphQLTransportOptions.ValidatedDocumentCacheSize"/>: the same document again (a storefront sends a few documents
/// many times, with other variables) is neither parsed nor measured nor validated again. The complexity rule still runs when a
/// variable can change the document's complexity (a list's size given by one, a field a directive's variable leaves out);
/// variables and arguments are coerced for every request, as before.
/// </summary>
public sealed partial class GraphQLOperationExecutor : IDisposable
{
    private readonly IDocumentExecuter executer;
    private readonly ILogger<GraphQLOperationExecutor> logger;
    private readonly GraphQLTransportOptions options;
    private readonly ExecutionLimits limits;
    private readonly IValidationRule[] validationRules;
    private readonly IValidationRule[] validatedDocumentRules;
    private readonly MemoryCache? validatedDocuments;

    public GraphQLOperationExecutor(IDocumentExecuter executer, IOptions<GraphQLTransportOptions> options, ILogger<GraphQLOperationExecutor> logger)
    {
        this.executer = executer;
        this.logger = logger;
        this.options = options.Value;
        limits = new ExecutionLimits(options.Value);
        validatedDocumentRules = limits.CreateValidationRules();
        validationRules = [.. DocumentValidator.CoreRules, .. validatedDocumentRules];
        validatedDocuments = options.Value.ValidatedDocumentCacheSize > 0
            ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ValidatedDocumentCacheSize })
            : null;
    }

    /// <summary>
    /// Bounds, parses and measures the document and finds the operation to run, so a transport can refuse it before
    /// execution. A document over a limit is refused here, before the engine's validation spends anything on it.
    /// </summary>
    public PreparedOperation Prepare(GraphQLOperationRequest request)
    {
        if (validatedDocuments is not null && validatedDocuments.TryGetValue(ValidatedDocument.KeyOf(request), out ValidatedDocument? validated))
        {
            return new PreparedOperation(request, validated!.Document, validated.OperationType, null)
            {
                Introspection = validated.Introspection, Validated = true, ComplexityKnown = validated.ComplexityKnown,
            };
        }

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
            ValidationRules = operation switch
            {
                { ComplexityKnown: true } => [],
                { Validated: true } => validatedDocumentRules,
                _ => validationRules,
            },
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                LogUnhandledException(logger, context.OriginalException, correlationId, context.FieldContext?.FieldDefinition.Name);
                context.Exception = new InternalServerError(correlationId, context.OriginalException);
                return Task.CompletedTask;
            },
        });
        CapErrors(result);
        Remember(operation, result);
        return result;
    }

    public void Dispose() => validatedDocuments?.Dispose();

    /// <summary>
    /// Keeps a document the engine executed, which it does only after the document passed validation (whatever its fields then
    /// answered). A document that failed validation, or was refused before it, is never kept. An entry counts its text's length
    /// towards the bound; one larger than the whole bound is not kept.
    /// </summary>
    private void Remember(PreparedOperation operation, ExecutionResult result)
    {
        if (validatedDocuments is null || operation.Validated || !result.Executed || operation.Document is null || operation.OperationType is null)
        {
            return;
        }

        validatedDocuments.Set(ValidatedDocument.KeyOf(operation.Request),
            new ValidatedDocument(operation.Document, operation.OperationType.Value, operation.Introspection,
                !ExecutionLimits.ComplexityReadsVariables(operation.Document)),
            new MemoryCacheEntryOptions { Size = operation.Request.Query.Length });
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

    private sealed record ValidatedDocument(GraphQLDocument Document, OperationType OperationType, IntrospectionUse Introspection, bool ComplexityKnown)
    {
        /// <summary>Validation covers the whole document, but the operation a request picks is part of what was checked and run.</summary>
        public static (string Query, string? OperationName) KeyOf(GraphQLOperationRequest request) => (request.Query, request.OperationName);
    }

    private static PreparedOperation Refused(GraphQLOperationRequest request, ExecutionLimitError error) => new(request, null, null, error);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL request {CorrelationId} failed unexpectedly in field {Field}")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string correlationId, string? field);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL request {CorrelationId} refused before validation: {Code}")]
    private static partial void LogRefused(ILogger logger, string correlationId, string? code);
}
