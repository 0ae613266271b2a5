using System.Threading.Channels;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Application.Tests.Abstractions;

public sealed class ConcurrencyRetryTests
{
    private static readonly Error Conflict = new(PersistenceErrors.ConcurrencyConflict, "Someone else saved first.");

    [Fact]
    public async Task RunAsync_WhenEveryAttemptLosesTheRace_TriesEightTimes_WaitingAJitteredGrowingDelay_AndReturnsTheConflict()
    {
        var run = new FakeTimeRun();

        var result = await run.RunAsync(_ => Conflict);

        Assert.Equal(8, run.Attempts);
        Assert.Equal(CommonErrors.Conflict, result.Error.Code);
        // Between attempts n and n+1 a wait of 1 ms up to (not including) 8, 16, 32, 64, 128, 128, 128 ms.
        Assert.Equal(7, run.Waits.Count);
        Assert.All(run.Waits.Zip([8, 16, 32, 64, 128, 128, 128]), w =>
            Assert.InRange(w.First, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(w.Second - 1)));
    }

    [Fact]
    public async Task RunAsync_WhenAnAttemptSucceedsAfterLostRaces_StopsAndReturnsTheSuccess()
    {
        var run = new FakeTimeRun();

        var result = await run.RunAsync(attempt => attempt < 3 ? Conflict : Result.Success("saved"));

        Assert.Equal("saved", result.Value);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(2, run.Waits.Count);
    }

    [Fact]
    public async Task RunAsync_WhenTheFirstAttemptSucceeds_RunsItOnceWithoutWaiting()
    {
        var run = new FakeTimeRun();

        var result = await run.RunAsync(_ => Result.Success("saved"));

        Assert.True(result.IsSuccess);
        Assert.Equal(1, run.Attempts);
        Assert.Empty(run.Waits);
    }

    [Fact]
    public async Task RunAsync_WhenARetriedAttemptFailsForAnotherReason_StopsAndReturnsThatFailure()
    {
        var run = new FakeTimeRun();

        var result = await run.RunAsync(attempt => attempt == 1 ? Conflict : new Error(InventoryErrors.InsufficientStockCode, "Not enough stock."));

        Assert.Equal(InventoryErrors.InsufficientStockCode, result.Error.Code);
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public async Task RunAsync_WhenTwoWritersCreatedTheSameRow_RetriesTheDuplicateKey()
    {
        var run = new FakeTimeRun();

        var result = await run.RunAsync(attempt => attempt == 1 ? new Error(PersistenceErrors.DuplicateKey, "Taken.") : Result.Success("saved"));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public async Task RunAsync_WhenAnAttemptThrows_DoesNotRetry_AndTheExceptionPropagates()
    {
        var run = new FakeTimeRun();

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.RunAsync(_ => throw new InvalidOperationException("A broken invariant.")));

        Assert.Equal(1, run.Attempts);
        Assert.Empty(run.Waits);
    }

    /// <summary>
    /// Runs attempts through a <see cref="ConcurrencyRetry"/> on fake time, advancing the clock by exactly each
    /// wait the retry starts, when it starts it: no real time passes and nothing depends on timing.
    /// </summary>
    private sealed class FakeTimeRun
    {
        private readonly WaitReportingTimeProvider _time = new();

        public int Attempts { get; private set; }

        public List<TimeSpan> Waits { get; } = [];

        public async Task<Result<string>> RunAsync(Func<int, Result<string>> attempt)
        {
            var running = new ConcurrencyRetry(_time).RunAsync(_ => Task.FromResult(attempt(++Attempts)), CancellationToken.None);
            while (true)
            {
                var waitStarted = _time.Waits.ReadAsync().AsTask();
                if (await Task.WhenAny(running, waitStarted) == running)
                    return await running;
                var wait = await waitStarted;
                Waits.Add(wait);
                _time.Advance(wait);
            }
        }
    }

    /// <summary>Reports every timer started on it, after it exists, so advancing the clock then fires it.</summary>
    private sealed class WaitReportingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

        public ChannelReader<TimeSpan> Waits => _waits.Reader;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _waits.Writer.TryWrite(dueTime);
            return timer;
        }
    }
}
