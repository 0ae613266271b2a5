namespace EcomErp.Admin;

/// <summary>Configuration section <c>EcomErp:Admin</c>: where the admin's navigation leads outside the admin.</summary>
public sealed class AdminNavigationOptions
{
    /// <summary>
    /// The GraphQL IDE, linked for every signed-in user: <c>/graphql</c> of this host by default; the api node's URL where the
    /// admin runs without the api role (docker-compose). The IDE works with an API key, not with the admin's sign-in.
    /// </summary>
    public string GraphQLIdeUrl { get; set; } = "/graphql";
}
