using System.Collections.Concurrent;
using EcomErp.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace EcomErp.Application.Abstractions;

public static class ValidationExtensions
{
    /// <summary>
    /// Applies a value object's own factory as a rule, so its limits and error codes are stated once:
    /// in the value object. Errors that name a field keep it; the others take the rule's property path.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule, Func<TProperty, Result> check) =>
        rule.Custom((value, context) =>
        {
            foreach (var error in check(value).Errors)
                context.AddFailure(new ValidationFailure(error.Field ?? context.PropertyPath, error.Message) { ErrorCode = error.Code });
        });

    /// <summary>Turns validation failures into errors with GraphQL-style field paths (camelCase segments).</summary>
    public static IReadOnlyList<Error> ToErrors(this ValidationResult validation) =>
        [.. validation.Errors.Select(f => new Error(
            string.IsNullOrEmpty(f.ErrorCode) || f.ErrorCode.EndsWith("Validator", StringComparison.Ordinal) ? CommonErrors.ValidationFailed : f.ErrorCode,
            f.ErrorMessage,
            FieldPath(f.PropertyName)))];

    /// <summary>
    /// Runs the validator; a failure result carries every error at once. FluentValidation's asynchronous path builds a state
    /// machine per rule and component, and the product's rules are all synchronous, so they run on its synchronous path (the
    /// capture's validator in three quarters of the time, <c>CaptureValidationBenchmark</c>). FluentValidation refuses to run an
    /// asynchronous rule synchronously; a validator that has one is run asynchronously from then on, its type remembered so the
    /// refusal is met once, and only its asynchronous rules see the token (the synchronous ones take microseconds).
    /// </summary>
    public static Task<Result> CheckAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken)
    {
        if (RunsAsynchronously.ContainsKey(validator.GetType()))
            return CheckAsynchronouslyAsync(validator, instance, cancellationToken);
        ValidationResult validation;
        try
        {
            validation = validator.Validate(instance);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            RunsAsynchronously.TryAdd(validator.GetType(), true);
            return CheckAsynchronouslyAsync(validator, instance, cancellationToken);
        }
        return Task.FromResult(ToResult(validation));
    }

    /// <summary>Validator types found to have an asynchronous rule (<see cref="CheckAsync{T}"/>).</summary>
    private static readonly ConcurrentDictionary<Type, bool> RunsAsynchronously = new();

    private static async Task<Result> CheckAsynchronouslyAsync<T>(IValidator<T> validator, T instance, CancellationToken cancellationToken) =>
        ToResult(await validator.ValidateAsync(instance, cancellationToken));

    private static Result ToResult(ValidationResult validation) =>
        validation.IsValid ? Result.Success() : Result.Failure(validation.ToErrors());

    private static string FieldPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
