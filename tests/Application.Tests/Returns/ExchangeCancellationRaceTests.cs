using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Returns;

/// <summary>
/// An exchange return cancelled while its replacement order is being captured, on the real SQLite file, in both orders the two
/// can meet in the store: the cancellation commits between the replacement's capture and its link, or it read the return
/// before the link committed and saves after it. Either way the return ends cancelled, the replacement cancelled with its
/// reservation given back, and nothing of the exchange is left going out. (A return is rejected only while requested, before
/// the authorisation that captures a replacement, so a rejection cannot meet a capture.)
/// </summary>
public sealed class ExchangeCancellationRaceTests : ReturnScenario
{
    private const string Larger = "TEE-CREW-L-BLK";
    private const string KeepsTheTee = "Customer keeps the tee";

    private readonly HeldExchangeCapture.Gate _captured = new();

    // The cancellation's first read: the return itself (its split query's root, the one that carries the version).
    private readonly HeldRead _cancelRead = new(sql => sql.Contains("FROM \"Returns\"", StringComparison.Ordinal));

    protected override ErpTestHostOptions HostOptions => new()
    {
        Services = services =>
        {
            services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_cancelRead));
            services.AddSingleton(_captured);
            services.Decorate<ICommandHandler<CaptureOrder, CapturedOrder>, HeldExchangeCapture>();
        },
        // Both hold only when the test arms them: the first state is the shared one.
        SeedsAsByDefault = true,
    };

    [Fact]
    public async Task AReturnCancelled_AfterItsReplacementWasCapturedAndBeforeItWasLinked_GetsItsReplacementCancelled()
    {
        var requested = await AuthorizedExchangeAsync();

        // The authorisation's handler has captured (and committed) the replacement and waits before linking it; the return
        // is cancelled meanwhile, with no replacement linked for the cancellation to withdraw.
        _captured.HoldNext();
        var dispatch = Task.Run(() => Host.DispatchOutboxAsync());
        var replacementId = await _captured.Reached;
        var cancelled = await StepAsync(new CancelReturn(requested.ReturnId, Actors.CustomerService, KeepsTheTee));
        _captured.Release();
        await dispatch;

        Assert.Equal(ReturnStatus.Cancelled, cancelled.Status);
        // Withdrawn by the handler that captured it, in the same run: not left for a redelivered authorisation to find.
        await AssertExchangeWithdrawnAsync(requested, replacementId, linked: false);
        await Host.DispatchOutboxAsync();
        await AssertExchangeWithdrawnAsync(requested, replacementId, linked: false);
    }

    [Fact]
    public async Task AReturnCancelled_FromAReadBeforeItsReplacementWasLinked_LosesTheRace_AndCancelsTheLinkedReplacementOnItsRetry()
    {
        var requested = await AuthorizedExchangeAsync();

        // The cancellation has read the return (authorised, nothing linked) and waits while the authorisation's handler
        // captures the replacement, links it and commits; only then does the cancellation decide and save.
        _cancelRead.HoldNext();
        var cancelling = Task.Run(() => SendAsync<CancelReturn, ReturnCommandResult>(new CancelReturn(requested.ReturnId, Actors.CustomerService, KeepsTheTee)));
        await _cancelRead.Reached;
        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();
        var linked = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        var replacementId = Assert.NotNull(linked.ReplacementOrderId);
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(replacementId)).Status);
        _cancelRead.Release();
        var cancelled = Succeeded(await cancelling);
        var readsAgain = _cancelRead.ReadsAfterRelease;
        await Host.DispatchOutboxAsync();

        Assert.Equal(ReturnStatus.Cancelled, cancelled.Status);
        // The save from the stale read lost to the link and was decided again on the return as it then was.
        Assert.True(readsAgain > 0, "The cancellation saved what it decided on the return read before the link.");
        await AssertExchangeWithdrawnAsync(requested, replacementId, linked: true);
    }

    /// <summary>A shipped tee returned for the larger size, one of which is in stock; its authorisation waits in the outbox.</summary>
    private async Task<ReturnCommandResult> AuthorizedExchangeAsync()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        await SetStockAsync(Larger, (Berlin, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 1));
        Assert.Equal(ReturnStatus.Authorized, requested.Status);
        return requested;
    }

    /// <summary>The return is cancelled (with its replacement linked or not), the replacement cancelled for it, the larger tee back in Available.</summary>
    private async Task AssertExchangeWithdrawnAsync(ReturnCommandResult requested, Guid replacementId, bool linked)
    {
        var returned = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        Assert.Equal((ReturnStatus.Cancelled, linked ? replacementId : (Guid?)null), (returned.Status, returned.ReplacementOrderId));
        var replacement = await Host.LoadAsync(replacementId);
        Assert.Equal((OrderStatus.Cancelled, $"Its exchange return {requested.RmaNumber} was cancelled."), (replacement.Status, replacement.CancellationReason));
        var externalId = $"{requested.RmaNumber}-EXCHANGE";
        Assert.Equal(1, await Host.WithDbAsync(db => db.Orders.CountAsync(o => o.ExternalOrderId == externalId)));
        Assert.Equal((1, 0), ((await LevelsOfAsync(Larger)).Available, (await LevelsOfAsync(Larger)).Reserved));
    }

    /// <summary>
    /// The capture handler as the host composes it, which, when armed, holds after an exchange's replacement was captured (and
    /// committed) and before the caller goes on, so the test decides what commits before the replacement is linked.
    /// </summary>
    private sealed class HeldExchangeCapture(ICommandHandler<CaptureOrder, CapturedOrder> inner, HeldExchangeCapture.Gate gate)
        : ICommandHandler<CaptureOrder, CapturedOrder>
    {
        public async Task<Result<CapturedOrder>> HandleAsync(CaptureOrder command, CancellationToken cancellationToken)
        {
            var captured = await inner.HandleAsync(command, cancellationToken);
            if (captured.IsSuccess && command.ExternalOrderId.EndsWith("-EXCHANGE", StringComparison.Ordinal))
                await gate.PassAsync(captured.Value.OrderId, cancellationToken);
            return captured;
        }

        public sealed class Gate
        {
            private readonly TaskCompletionSource<Guid> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _armed;

            /// <summary>The replacement order's id, once it was captured and is being held.</summary>
            public Task<Guid> Reached => _reached.Task;

            public void HoldNext() => Volatile.Write(ref _armed, 1);

            public void Release() => _released.TrySetResult();

            public async Task PassAsync(Guid replacementId, CancellationToken cancellationToken)
            {
                if (Interlocked.Exchange(ref _armed, 0) != 1)
                    return;
                _reached.TrySetResult(replacementId);
                await _released.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
