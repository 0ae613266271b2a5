using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Purchasing;

/// <summary>The real host with the demo data, people signed in as a browser would be, and forms posted with or without their antiforgery token.</summary>
internal sealed class AdminPageSession(EcomErpHostFactory factory)
{
    private const string Password = "Purchasing-Passw0rd!";

    public async Task<HttpClient> SignedInAsync(string email, params string[] roles)
    {
        await factory.CreateUserAsync(email, Password, roles);
        var client = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, Password);
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken)
            fields["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, page);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}", UriKind.Relative), form);
    }

    public Uri Resolve(HttpResponseMessage response) => new(factory.Server.BaseAddress, response.Headers.Location!);
}
