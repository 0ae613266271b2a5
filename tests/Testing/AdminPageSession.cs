namespace EcomErp.Testing;

/// <summary>
/// People signed in to the admin of a real host as a browser would be, and the admin's forms posted with or without their
/// antiforgery token: what every admin page test does before it asserts.
/// </summary>
/// <param name="password">The password the people this session creates sign in with.</param>
public sealed class AdminPageSession(EcomErpHostFactory factory, string password = AdminPageSession.DefaultPassword)
{
    public const string DefaultPassword = "Admin-Page-Passw0rd!";

    /// <summary>Creates a person with <paramref name="roles"/> and signs them in.</summary>
    public async Task<HttpClient> SignedInAsync(string email, params string[] roles)
    {
        await factory.CreateUserAsync(email, password, roles);
        return await SignedInAsExistingAsync(email, password);
    }

    /// <summary>Signs in someone already in the user store (the first administrator, a user an admin page created).</summary>
    public async Task<HttpClient> SignedInAsExistingAsync(string email, string existingPassword)
    {
        var client = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, existingPassword);
        return client;
    }

    /// <summary>Signs in the administrator the host creates on its first start.</summary>
    public Task<HttpClient> SignedInAsFirstAdministratorAsync() => SignedInAsExistingAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="page"/> (to its <paramref name="handler"/> when given) with the antiforgery token
    /// of the page a browser would have shown: <paramref name="page"/> itself unless <paramref name="tokenFrom"/> names another.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields,
        bool withToken = true, string? tokenFrom = null)
    {
        if (withToken)
            fields["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, tokenFrom ?? page);
        using var form = new FormUrlEncodedContent(fields);
        var target = handler is null ? page : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(new Uri(target, UriKind.Relative), form);
    }

    /// <summary>Where a redirect of the host sends the browser.</summary>
    public Uri Resolve(HttpResponseMessage response) => new(factory.Server.BaseAddress, response.Headers.Location!);
}
