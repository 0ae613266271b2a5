using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>Finding 3, live: a subscription that names a channel is refused to a key restricted to another one, whatever the field.</summary>
public sealed class PartnerKeySubscribesOnlyToItsChannelsTests : IAsyncLifetime
{
    private const string Partner = "MKT-AMAZON";

    private LiveApi Api { get; set; } = null!;

    // The walk selects every field below each subscription (Order and Return link to each other); the complexity limit is not
    // what this test is about, as in PartnerKeyReadsOnlyItsChannelsTests.
    public async Task InitializeAsync() =>
        Api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["GraphQL:MaxComplexity"] = "10000000" });

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task EverySubscriptionNamingAnotherChannel_IsRefusedWithForbidden_OnTheSocket()
    {
        var partner = await Api.IssueKeyAsync([.. ApiScopes.All], [Partner]);
        var schema = Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var demoValues = new Dictionary<string, IReadOnlyList<object>> { ["channel"] = ["WEB", "MKT-ZALANDO", "WHOLESALE"] };

        var walked = SchemaWalk.Documents("subscription", schema.Subscription!, demoValues).Where(d => d.Document.Contains("channel:", StringComparison.Ordinal)).ToList();
        Assert.Contains(walked, d => d.Field == "orderStatusChanged");
        Assert.Contains(walked, d => d.Field == "availabilityChanged");
        foreach (var (field, document) in walked)
        {
            await using var subscriber = await Api.SubscribeAsync(partner, document);
            var answer = await subscriber.ReceiveAsync();
            // The source stream is refused when it is created: the protocol's error message carries the field's error, and no event follows.
            Assert.True(answer.GetProperty("type").GetString() == "error", $"{document}: {answer}");
            Assert.Equal("FORBIDDEN", answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }
}
