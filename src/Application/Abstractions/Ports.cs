using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Abstractions;

/// <summary>Loads and adds orders. Changes are saved by <see cref="IUnitOfWork"/>, with their events, in one transaction.</summary>
public interface IOrderRepository
{
    Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken);

    /// <summary>The orders among <paramref name="ids"/> that exist, whole and tracked, in one round of queries (a batch's load).</summary>
    Task<IReadOnlyDictionary<OrderId, Order>> GetManyAsync(IReadOnlyCollection<OrderId> ids, CancellationToken cancellationToken);

    Task<Order?> FindByExternalIdAsync(ChannelCode channel, string externalOrderId, CancellationToken cancellationToken);

    /// <summary>How many orders this customer email placed before <paramref name="excluding"/> (for the fraud score).</summary>
    Task<int> CountOtherOrdersByEmailAsync(string customerEmail, OrderId excluding, CancellationToken cancellationToken);

    /// <summary>How many orders each of <paramref name="customerEmails"/> placed in all; an email with none is absent.</summary>
    Task<IReadOnlyDictionary<string, int>> CountOrdersByEmailAsync(IReadOnlyCollection<string> customerEmails, CancellationToken cancellationToken);

    void Add(Order order);

    /// <summary>
    /// Orders the <paramref name="arrival"/> may serve: Backordered or PartiallyAllocated, with no open hold, and with units
    /// backordered of the arriving SKU itself or, in a channel that substitutes, of a SKU it may ship in place of; highest
    /// priority first, within a priority those waiting for the arriving SKU itself first, then oldest; at most
    /// <paramref name="limit"/>, in one query.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindWaitingForStockAsync(StockArrival arrival, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// What stock of <see cref="Sku"/> arriving in Available can serve: orders waiting for it, and, in
/// <see cref="SubstitutingChannels"/> (those whose policy permits substitution), orders waiting for one of
/// <see cref="SubstituteFor"/> (the SKUs that name it as a substitute).
/// </summary>
public sealed record StockArrival(SkuCode Sku, IReadOnlyList<SkuCode> SubstituteFor, IReadOnlyList<ChannelCode> SubstitutingChannels)
{
    /// <summary>An arrival that serves only the orders waiting for <paramref name="sku"/> itself.</summary>
    public static StockArrival Of(SkuCode sku) => new(sku, [], []);
}

/// <summary>Master data the write side decides with.</summary>
public interface ICatalog
{
    Task<Channel?> FindChannelAsync(ChannelCode code, CancellationToken cancellationToken);

    /// <summary>The known SKUs among <paramref name="codes"/>, keyed by code; unknown ones are absent.</summary>
    Task<IReadOnlyDictionary<SkuCode, Sku>> FindSkusAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken);

    Task<Customer?> FindCustomerAsync(string email, CancellationToken cancellationToken);

    /// <summary>The known locations among <paramref name="codes"/>, keyed by code; unknown ones are absent.</summary>
    Task<IReadOnlyDictionary<LocationCode, Location>> FindLocationsAsync(IReadOnlyCollection<LocationCode> codes, CancellationToken cancellationToken);

    Task<Supplier?> FindSupplierAsync(Domain.Inventory.SupplierCode code, CancellationToken cancellationToken);

    /// <summary>Every carrier of the master data, active or not: none at all means shipments name their carrier freely.</summary>
    Task<IReadOnlyList<Carrier>> ListCarriersAsync(CancellationToken cancellationToken);

    /// <summary>Every SKU that names substitutes, with them in the order they are tried.</summary>
    Task<IReadOnlyDictionary<SkuCode, IReadOnlyList<SkuCode>>> ListSubstitutesAsync(CancellationToken cancellationToken);

    /// <summary>The channels whose allocation policy permits substitution.</summary>
    Task<IReadOnlyList<ChannelCode>> ListChannelsAllowingSubstitutionAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The master data an order capture checks, read through the process's reference-data cache (decision 055): this process's
/// own changes show at once, another process's within <c>EcomErp:ReferenceData:TimeToLive</c>. Only for checks a later step
/// repeats against the store: validation reads the channel and the SKUs again before an order goes any further.
/// </summary>
public interface ICaptureCatalog
{
    Task<Channel?> FindChannelAsync(ChannelCode code, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="codes"/> that are SKUs of the master data.</summary>
    Task<IReadOnlySet<SkuCode>> KnownSkusAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken);
}

/// <summary>The policy values in force, for decisions (decision 028).</summary>
public interface IPolicyReader
{
    /// <summary>The global value of a policy in force now, or its default when nobody set it.</summary>
    Task<decimal> GetAsync(PolicyDefinition policy, CancellationToken cancellationToken) => GetAsync(policy, PolicyScope.Global, cancellationToken);

    /// <summary>The value of a policy in force now in <paramref name="scope"/>, falling back to wider scopes and then the default (<see cref="PolicyDefinition.InForce"/>).</summary>
    async Task<decimal> GetAsync(PolicyDefinition policy, PolicyScope scope, CancellationToken cancellationToken) =>
        (await InForceAsync(policy, scope, cancellationToken)).Value;

    /// <summary>The value in force now in <paramref name="scope"/> and the change that set it (<see cref="PolicyDefinition.InForce"/>).</summary>
    Task<PolicyInForce> InForceAsync(PolicyDefinition policy, PolicyScope scope, CancellationToken cancellationToken);
}

/// <summary>Gap-free document numbers, taken inside the current unit of work so a rolled-back save takes none.</summary>
public interface IDocumentNumbers
{
    /// <summary>The next number of <paramref name="series"/> in the year of <paramref name="at"/> (UTC): <c>PREFIX-yyyy-nnnnnn</c>.</summary>
    Task<string> NextAsync(DocumentSeries series, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A gap-free series of document numbers, one per document type and year (INV-2026-000001).</summary>
public sealed record DocumentSeries(string Prefix)
{
    private const string InvoicePrefix = "INV";
    private const string ReturnAuthorizationPrefix = "RMA";
    private const string CreditNotePrefix = "CN";

    public static DocumentSeries Invoice { get; } = new(InvoicePrefix);

    /// <summary>Return merchandise authorisations (RMA numbers).</summary>
    public static DocumentSeries ReturnAuthorization { get; } = new(ReturnAuthorizationPrefix);
    public static DocumentSeries CreditNote { get; } = new(CreditNotePrefix);
}

/// <summary>
/// Saves every change of the current scope (state, outbox rows for raised events, document numbers) in
/// one transaction. Expected failures come back as errors; the scope's tracked changes are then discarded.
/// </summary>
public interface IUnitOfWork
{
    Task<Result> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new aggregate and saves the scope at once, as <see cref="SaveChangesAsync"/> does. Nothing can change the aggregate
    /// between its adding and the save, so when the scope tracked nothing before, the save does not scan for changes
    /// (decision 081: a capture's save).
    /// </summary>
    Task<Result> SaveNewAsync(AggregateRoot aggregate, CancellationToken cancellationToken);
}

/// <summary>Error codes the unit of work reports.</summary>
public static class PersistenceErrors
{
    /// <summary>Someone else saved the same aggregate first (optimistic concurrency).</summary>
    public const string ConcurrencyConflict = CommonErrors.Conflict;

    [ErrorDescription("A concurrent save took the same unique key first, for example the same external order id on the same channel.")]
    public const string DuplicateKey = "DUPLICATE_KEY";
}

/// <summary>Reacts to a domain event taken from the outbox. Handlers must be idempotent: events arrive at least once.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Reacts to the events of one dispatch batch together (all of the batch's events of its type or a subtype, in outbox
/// order), so it can load, decide and save for many at once. At least once and idempotent like
/// <see cref="IDomainEventHandler{TEvent}"/>: an event may come again, alone or in another batch.
/// </summary>
public interface IDomainEventBatchHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleBatchAsync(IReadOnlyList<TEvent> domainEvents, CancellationToken cancellationToken);
}

/// <summary>Hands an event to every handler registered for its type or a base type.</summary>
public interface IDomainEventPublisher
{
    /// <summary>One event: batch handlers with a batch of one, then per-event handlers.</summary>
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);

    /// <summary>
    /// A dispatch batch: every batch handler gets, in one call, the batch's events of its type; then every per-event handler
    /// gets each event in order, each event in a scope of its own as <see cref="PublishAsync"/> would.
    /// </summary>
    Task PublishBatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}

/// <summary>Hands a generated secret (a first password, a demo key) to a person through a file only the process's user can read, never a log.</summary>
public interface ISecretFiles
{
    /// <returns>The full path of the file written.</returns>
    Task<string> WriteAsync(string directory, string fileName, string secret, CancellationToken cancellationToken);
}
