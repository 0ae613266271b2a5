using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

public sealed class DocumentNumbersTests
{
    private static readonly DateTimeOffset InMarch = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InvoiceNumbers_AreGapFreePerYearAndOnlyTakenBySavesThatCommit()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);

        var first = await TakeAsync(database, InMarch, save: true);
        var abandoned = await TakeAsync(database, InMarch, save: false);
        var second = await TakeAsync(database, InMarch.AddDays(1), save: true);
        var nextYear = await TakeAsync(database, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), save: true);

        Assert.Equal("INV-2026-000001", first);
        Assert.Equal("INV-2026-000002", abandoned);
        Assert.Equal("INV-2026-000002", second);
        Assert.Equal("INV-2027-000001", nextYear);
    }

    [Fact]
    public async Task TwoNumbersInOneUnitOfWork_AreConsecutive()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);

        var numbers = await database.InScopeAsync(async sp =>
        {
            var documents = sp.GetRequiredService<IDocumentNumbers>();
            string[] taken = [await documents.NextAsync(DocumentSeries.Invoice, InMarch, default), await documents.NextAsync(DocumentSeries.Invoice, InMarch, default)];
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
            return taken;
        });

        Assert.Equal(["INV-2026-000001", "INV-2026-000002"], numbers);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwoSavesTakingTheSameNumber_TheSecondIsAConflict(bool seriesExists)
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        if (seriesExists)
            await TakeAsync(database, InMarch, save: true);
        await using var first = database.Scope();
        await using var second = database.Scope();

        var firstNumber = await first.ServiceProvider.GetRequiredService<IDocumentNumbers>().NextAsync(DocumentSeries.Invoice, InMarch, default);
        var secondNumber = await second.ServiceProvider.GetRequiredService<IDocumentNumbers>().NextAsync(DocumentSeries.Invoice, InMarch, default);
        var firstSave = await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        var secondSave = await second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);

        Assert.Equal(firstNumber, secondNumber);
        Assert.True(firstSave.IsSuccess);
        Assert.Equal(PersistenceErrors.ConcurrencyConflict, secondSave.Error.Code);
        Assert.Equal(seriesExists ? "INV-2026-000003" : "INV-2026-000002", await TakeAsync(database, InMarch, save: false));
    }

    private static Task<string> TakeAsync(ErpTestHost database, DateTimeOffset at, bool save) => database.InScopeAsync(async sp =>
    {
        var number = await sp.GetRequiredService<IDocumentNumbers>().NextAsync(DocumentSeries.Invoice, at, default);
        if (save)
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
        return number;
    });
}
