using EcomErp.Domain.Common;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Bounded retry of a whole load-decide-save attempt when the save lost a compare-and-set race: the
/// unit of work empties the change tracker after a failed save, so the next attempt reads fresh state
/// and decides again (a reservation that no longer fits then fails for the right reason).
/// </summary>
public static class ConflictRetry
{
    public const int DefaultAttempts = 8;

    /// <summary>
    /// Retries on <see cref="PersistenceErrors.ConcurrencyConflict"/> and, for rows created on first use (a
    /// balance opened by two writers at once), <see cref="PersistenceErrors.DuplicateKey"/>. Other failures
    /// and successes return at once; the last conflict is returned when every attempt lost.
    /// </summary>
    public static async Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> attempt, CancellationToken cancellationToken,
        int maxAttempts = DefaultAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            var result = await attempt(cancellationToken);
            if (result.IsSuccess || attemptNumber == maxAttempts || !IsRetryable(result.Error))
                return result;
            // Jitter so the losers of one race do not collide again in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 << Math.Min(attemptNumber, 5))), cancellationToken);
        }
    }

    private static bool IsRetryable(Error error) => error.Code is PersistenceErrors.ConcurrencyConflict or PersistenceErrors.DuplicateKey;
}
