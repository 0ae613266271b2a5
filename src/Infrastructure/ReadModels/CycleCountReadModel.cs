using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One cycle count, keyed by the outbox sequence of its event: written once, never changed, so a replay adds nothing. The
/// variance is a column of its own ("matched" is variance 0) and the time UTC ticks, so both providers filter and sort on them.
/// </summary>
internal sealed class CycleCountReadModel
{
    private CycleCountReadModel() { }

    public long Sequence { get; private set; }
    public string Sku { get; private set; } = "";
    public string Location { get; private set; } = "";
    public int CountedQuantity { get; private set; }
    public int BookQuantity { get; private set; }
    public int Variance { get; private set; }
    public string CountedBy { get; private set; } = "";
    public long CountedAtTicks { get; private set; }

    /// <summary>The count's row; its book is the units on hand, or Available for a count recorded before decision 091.</summary>
    public static CycleCountReadModel From(long sequence, CycleCountRecorded counted)
    {
        var book = counted.OnHandBefore ?? counted.AvailableBefore;
        return new()
        {
            Sequence = sequence, Sku = counted.Sku, Location = counted.Location, CountedQuantity = counted.CountedQuantity,
            BookQuantity = book, Variance = counted.CountedQuantity - book, CountedBy = counted.ActorId, CountedAtTicks = counted.OccurredAt.UtcTicks,
        };
    }

    public CycleCountView ToView() =>
        new(Sequence, Sku, Location, CountedQuantity, BookQuantity, CountedBy, new DateTimeOffset(CountedAtTicks, TimeSpan.Zero));
}

internal sealed class CycleCountReadModelConfiguration : IEntityTypeConfiguration<CycleCountReadModel>
{
    public void Configure(EntityTypeBuilder<CycleCountReadModel> count)
    {
        count.ToTable("CycleCountReadModels");
        count.HasKey(c => c.Sequence);
        count.Property(c => c.Sequence).ValueGeneratedNever();
        count.Property(c => c.Sku).HasMaxLength(SkuCode.MaxLength);
        count.Property(c => c.Location).HasMaxLength(LocationCode.MaxLength);
        count.Property(c => c.CountedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);

        // Lists are newest first, of one SKU (at one location) or of all; the sequence follows the count time.
        count.HasIndex(c => new { c.Sku, c.Location, c.Sequence });
        count.HasIndex(c => new { c.Location, c.Sequence });
        count.HasIndex(c => c.CountedAtTicks);
    }
}

/// <summary>Cycle counts for lists, newest first, from the read table.</summary>
internal sealed class CycleCountReadModels(ErpDbContext db) : ICycleCountReadModels
{
    public async Task<Application.Inventory.DocumentPage<CycleCountView>> ListAsync(CycleCountListRequest request, CancellationToken cancellationToken)
    {
        var rows = db.Set<CycleCountReadModel>().AsNoTracking();
        if (request.Sku is { } sku)
            rows = rows.Where(c => c.Sku == sku);
        if (request.Location is { } location)
            rows = rows.Where(c => c.Location == location);
        rows = request.Outcome switch
        {
            CycleCountOutcome.Matched => rows.Where(c => c.Variance == 0),
            CycleCountOutcome.Variance => rows.Where(c => c.Variance != 0),
            _ => rows,
        };
        if (request.From is { } from)
        {
            var ticks = from.UtcTicks;
            rows = rows.Where(c => c.CountedAtTicks >= ticks);
        }
        if (request.Before is { } before)
        {
            var ticks = before.UtcTicks;
            rows = rows.Where(c => c.CountedAtTicks < ticks);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(c => c.Sequence).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Application.Inventory.DocumentPage<CycleCountView>([.. page.Select(c => c.ToView())], total);
    }
}
