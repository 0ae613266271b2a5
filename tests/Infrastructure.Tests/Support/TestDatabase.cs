using EcomErp.Testing;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>
/// How the persistence specifications start <see cref="ErpTestHost"/>: no demo data unless a test asks for it, and the
/// Application's own event handlers left out, so each test decides which handlers see the outbox.
/// </summary>
internal static class TestDatabase
{
    public static readonly ErpTestHostOptions Options = new() { SeedDemoData = false, WithoutApplicationEventHandlers = true };
}
