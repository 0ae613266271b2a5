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
    /// Runs the validator; a failure result carries every error at once. The product's rules are all synchronous, and
    /// FluentValidation's asynchronous path costs a state machine per rule and component on every request (3 % of a loaded
    /// host's CPU in the capture alone), so the rules run synchronously; a validator that has an asynchronous rule (FluentValidation
    /// refuses to run it so, before any rule's result counts) runs asynchronously instead.
    /// </summary>
    public static Task<Result> CheckAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken)
    {
        ValidationResult validation;
        try
        {
            validation = validator.Validate(instance);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            return CheckAsynchronouslyAsync(validator, instance, cancellationToken);
        }
        return Task.FromResult(ToResult(validation));
    }

    private static async Task<Result> CheckAsynchronouslyAsync<T>(IValidator<T> validator, T instance, CancellationToken cancellationToken) =>
        ToResult(await validator.ValidateAsync(instance, cancellationToken));

    private static Result ToResult(ValidationResult validation) =>
        validation.IsValid ? Result.Success() : Result.Failure(validation.ToErrors());

    private static string FieldPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
