using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Bounded retry of a whole load-decide-save attempt when the save lost a compare-and-set race: the
/// unit of work empties the change tracker after a failed save, so the next attempt reads fresh state
/// and decides again (a reservation that no longer fits then fails for the right reason). The one place
/// that builds the retry pipeline; registered once by <see cref="DependencyInjection.AddApplication"/>.
/// </summary>
public sealed class ConcurrencyRetry
{
    public const int Attempts = 8;

    /// <summary>
    /// The key of the <see cref="TimeProvider"/> the waits between attempts run on. Not the business clock:
    /// hosts and tests freeze that one, and a retry between two real threads must still wait real time.
    /// </summary>
    public const string ClockKey = "concurrency-retry";

    private readonly ResiliencePipeline _pipeline;

    public ConcurrencyRetry([FromKeyedServices(ClockKey)] TimeProvider clock) =>
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Attempts - 1,
                // Exceptions are not expected failures: only a lost race comes back for another try.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is Result { IsFailure: true } result && IsRetryable(result.Error)),
                // Jitter so the losers of one race do not collide again in lockstep: up to 8, 16, ... 128 ms.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    TimeSpan.FromMilliseconds(Random.Shared.Next(1, MaxDelayMilliseconds(args.AttemptNumber + 1)))),
            })
            .Build();

    /// <summary>The exclusive upper bound of the wait after the given (1-based) lost attempt.</summary>
    private static int MaxDelayMilliseconds(int lostAttempt) => 4 << Math.Min(lostAttempt, 5);

    /// <summary>
    /// Retries on <see cref="PersistenceErrors.ConcurrencyConflict"/> and, for rows created on first use (a
    /// balance opened by two writers at once), <see cref="PersistenceErrors.DuplicateKey"/>. Other failures,
    /// exceptions and successes return at once; the last conflict is returned when every attempt lost.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> attempt, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(static async (attempt, ct) => await attempt(ct), attempt, cancellationToken);

    private static bool IsRetryable(Error error) => error.Code is PersistenceErrors.ConcurrencyConflict or PersistenceErrors.DuplicateKey;
}

/// <summary>
/// Work that lost its compare-and-set race on every attempt (others kept changing what it read). Nothing is wrong with the
/// event that asked for it: the outbox pipeline ends the run and tries again later, and never parks the event for it.
/// </summary>
public sealed class ContentionException(string message) : Exception(message);
