using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Tests.Abstractions;

public sealed class ValidationExtensionsTests
{
    public sealed record Probe(string Name, int Count);

    [Fact]
    public async Task CheckAsync_RunsSynchronousRulesOnTheSynchronousPath_AndCarriesEveryErrorWithItsCodeAndField()
    {
        var validator = new SynchronousValidator();

        var result = await validator.CheckAsync(new Probe("", -1), CancellationToken.None);

        Assert.Equal([false], validator.RanAsynchronously);
        Assert.True(result.IsFailure);
        Assert.Equal([("PROBE_NAME", "name"), ("PROBE_COUNT", "count")], result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public async Task CheckAsync_WhenTheInstanceIsValid_Succeeds()
    {
        var result = await new SynchronousValidator().CheckAsync(new Probe("tee", 2), CancellationToken.None);

        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("tee", true)]
    public async Task CheckAsync_WhenAValidatorHasAnAsynchronousRule_RunsItAsynchronously_AndItsVerdictCounts(string name, bool valid)
    {
        var validator = new AsynchronousValidator();

        var result = await validator.CheckAsync(new Probe(name, 1), CancellationToken.None);

        Assert.Equal(valid, result.IsSuccess);
        Assert.Equal(valid ? [] : ["PROBE_NAME_TAKEN"], result.Errors.Select(e => e.Code));
        Assert.Equal(1, validator.AsynchronousRuns);
    }

    [Fact]
    public async Task CheckAsync_WhenAValidatorWasFoundToHaveAnAsynchronousRule_RunsItAsynchronouslyFromTheStart_OnTheNextCall()
    {
        var first = new MixedValidator();
        await first.CheckAsync(new Probe("tee", 1), CancellationToken.None);
        var second = new MixedValidator();

        var result = await second.CheckAsync(new Probe("", 1), CancellationToken.None);

        // The first call met FluentValidation's refusal on the synchronous path, then ran asynchronously; the second runs
        // asynchronously at once, its synchronous rule once.
        Assert.Equal([false, true], first.RanAsynchronously);
        Assert.Equal([true], second.RanAsynchronously);
        Assert.Equal(["PROBE_NAME", "PROBE_NAME_TAKEN"], result.Errors.Select(e => e.Code));
    }

    /// <summary>A synchronous rule that notes which path ran it.</summary>
    private static void NameRequired(List<bool> ranAsynchronously, string name, ValidationContext<Probe> context)
    {
        ranAsynchronously.Add(context.IsAsync);
        if (name.Length == 0)
            context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, "A name is required.") { ErrorCode = "PROBE_NAME" });
    }

    private sealed class SynchronousValidator : AbstractValidator<Probe>
    {
        public List<bool> RanAsynchronously { get; } = [];

        public SynchronousValidator()
        {
            RuleFor(p => p.Name).Custom((name, context) => NameRequired(RanAsynchronously, name, context));
            RuleFor(p => p.Count).GreaterThanOrEqualTo(0).WithErrorCode("PROBE_COUNT");
        }
    }

    private sealed class AsynchronousValidator : AbstractValidator<Probe>
    {
        public int AsynchronousRuns { get; private set; }

        public AsynchronousValidator() =>
            RuleFor(p => p.Name).MustAsync(async (name, cancellationToken) =>
            {
                await Task.Yield();
                AsynchronousRuns++;
                return name.Length > 0;
            }).WithErrorCode("PROBE_NAME_TAKEN");
    }

    /// <summary>A synchronous rule before an asynchronous one (its own type: <see cref="ValidationExtensions.CheckAsync{T}"/> remembers it).</summary>
    private sealed class MixedValidator : AbstractValidator<Probe>
    {
        public List<bool> RanAsynchronously { get; } = [];

        public MixedValidator()
        {
            RuleFor(p => p.Name).Custom((name, context) => NameRequired(RanAsynchronously, name, context));
            RuleFor(p => p.Name).MustAsync(async (name, cancellationToken) =>
            {
                await Task.Yield();
                return name.Length > 0;
            }).WithErrorCode("PROBE_NAME_TAKEN");
        }
    }
}
