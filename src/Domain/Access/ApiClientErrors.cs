using EcomErp.Domain.Common;

namespace EcomErp.Domain.Access;

public static class ApiClientErrors
{
    [ErrorDescription("An API client's name is missing, too long or unreadable.")]
    public const string NameInvalid = "API_CLIENT_NAME_INVALID";
    [ErrorDescription("An API client is given a scope that does not exist.")]
    public const string ScopeUnknown = "API_CLIENT_SCOPE_UNKNOWN";
    [ErrorDescription("An API client is granted a role that does not exist.")]
    public const string RoleUnknown = "API_CLIENT_ROLE_UNKNOWN";
    [ErrorDescription("An API client is granted Admin (or System): an API client is never an administrator.")]
    public const string RoleNotGrantable = "API_CLIENT_ROLE_NOT_GRANTABLE";
    [ErrorDescription("An API client is issued or changed without any scope.")]
    public const string ScopesRequired = "API_CLIENT_SCOPES_REQUIRED";
    [ErrorDescription("The API client was revoked already; a revoked client cannot be changed or revoked again.")]
    public const string AlreadyRevoked = "API_CLIENT_ALREADY_REVOKED";
    [ErrorDescription("No API client has this id.")]
    public const string NotFound = "API_CLIENT_NOT_FOUND";
    [ErrorDescription("The presented API key is malformed, unknown or revoked (one answer for all three, on purpose).")]
    public const string KeyInvalid = "API_KEY_INVALID";
}
