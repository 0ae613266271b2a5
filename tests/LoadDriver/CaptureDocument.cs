namespace EcomErp.LoadDriver;

/// <summary>
/// The capture the load driver sends: one document, new variables per order. tests/Benchmarks references the driver, so
/// that <c>RepeatedDocumentBenchmark</c> measures the very request the driver makes.
/// </summary>
public static class CaptureDocument
{
    public const string Mutation = """
        mutation Capture($input: CaptureOrderInput!) {
          captureOrder(input: $input) { order { id status } userErrors { code field message } }
        }
        """;

    private static readonly string[] Skus =
        ["TEE-CREW-M-BLK", "TEE-CREW-L-WHT", "POLO-PIQUE-M-NVY", "JEANS-SLIM-L-NVY", "HOODIE-ZIP-S-GRY", "CHINO-REG-M-OLV"];

    /// <summary>The <c>input</c> variable of order <paramref name="number"/>: one line, a SKU and quantity that vary with the number.</summary>
    public static object Input(string channel, string externalOrderId, int number) => new
    {
        channel,
        externalOrderId,
        serviceLevel = "STANDARD",
        customer = new { email = $"load.{number % 500}@example.com", name = "Load Test" },
        shipTo = new { name = "Load Test", line1 = "Teststraße 1", city = "Berlin", postalCode = "10115", country = "DE" },
        lines = new[] { new { sku = Skus[number % Skus.Length], quantity = 1 + number % 3, unitPrice = new { amount = "25.00", currencyCode = "EUR" } } },
    };
}
