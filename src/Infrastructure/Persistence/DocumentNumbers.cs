using System.Globalization;
using EcomErp.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The last number issued in one series (e.g. INV-2026). It is saved with the document that takes the
/// number, so a rolled-back save takes none, and two saves that took the same number conflict.
/// </summary>
internal sealed class DocumentCounter
{
    public const int SeriesMaxLength = 32;

    private DocumentCounter() { }

    public DocumentCounter(string series) => Series = series;

    public string Series { get; private set; } = "";
    public long LastNumber { get; private set; }

    public long Next() => ++LastNumber;
}

internal sealed class DocumentNumbers(ErpDbContext db) : IDocumentNumbers
{
    public async Task<string> NextAsync(DocumentSeries documentSeries, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var year = at.UtcDateTime.Year.ToString("D4", CultureInfo.InvariantCulture);
        var series = $"{documentSeries.Prefix}-{year}";
        // FindAsync sees a counter this unit of work already took a number from.
        var counter = await db.DocumentCounters.FindAsync([series], cancellationToken);
        if (counter is null)
        {
            counter = new DocumentCounter(series);
            db.DocumentCounters.Add(counter);
        }
        return $"{series}-{counter.Next().ToString("D6", CultureInfo.InvariantCulture)}";
    }
}
