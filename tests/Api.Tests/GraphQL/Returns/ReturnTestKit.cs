using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>What every returns API test starts from, on either test host: an order shipped through the API's own mutations.</summary>
internal static class ReturnTestKit
{
    public const string ReturnPayload = "return { id rmaNumber status needsApproval version } userErrors { code field message }";

    /// <summary>
    /// Captures the order with the key, lets the system validate and allocate it, then releases, picks, packs and ships it (which
    /// invoices it); answers its id and the location it shipped from.
    /// </summary>
    public static async Task<(string OrderId, string Location)> ShippedOrderAsync(
        Func<string, object, Task<JsonElement>> data, Func<Task> settle, string key, string externalId, string channel = "WEB",
        string sku = "TEE-CREW-M-BLK", int quantity = 2, decimal unitPrice = 25.00m)
    {
        var orderId = Succeeded(await MutateAsync(data, "captureOrder", "CaptureOrderInput", "order { id } userErrors { code field message }",
            OrderFlowEndToEndTests.CaptureInput(externalId, channel, sku, quantity, unitPrice)), "order").GetProperty("id").GetString()!;
        await settle();
        foreach (var (step, input) in new (string, object)[]
                 {
                     ("releaseOrder", new { orderId }), ("startPicking", new { orderId }), ("confirmPick", new { orderId }),
                     ("confirmPack", new { orderId, packageCount = 1 }),
                     ("confirmShipment", new { orderId, carrier = "DHL", trackingNumber = "JD014600006282" }),
                 })
        {
            Succeeded(await MutateAsync(data, step, char.ToUpperInvariant(step[0]) + step[1..] + "Input", "order { status } userErrors { code field message }", input), "order");
            await settle();
        }
        var order = (await data("query($id: ID!) { order(id: $id) { status shipments { location } } }", new { id = orderId })).GetProperty("order");
        Assert.Equal("INVOICED", order.GetProperty("status").GetString());
        return (orderId, order.GetProperty("shipments")[0].GetProperty("location").GetString()!);
    }

    /// <summary>A return mutation by name: its input type is the name with a capital and 'Input'.</summary>
    public static Task<JsonElement> StepAsync(Func<string, object, Task<JsonElement>> data, string name, object input, string fields = ReturnPayload) =>
        MutateAsync(data, name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", fields, input);

    private static async Task<JsonElement> MutateAsync(Func<string, object, Task<JsonElement>> data, string name, string inputType, string fields, object input) =>
        (await data(Mutation(name, inputType, fields), new { input })).GetProperty(name);
}
