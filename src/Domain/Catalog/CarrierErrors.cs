using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>Every expected failure of carrier master data, by code.</summary>
public static class CarrierErrors
{
    [ErrorDescription("A carrier code is missing, too long, or not made of letters, digits and dashes.")]
    public const string CodeInvalidCode = "CARRIER_CODE_INVALID";
    [ErrorDescription("A carrier's name is missing or too long.")]
    public const string NameInvalidCode = "CARRIER_NAME_INVALID";
    [ErrorDescription("A carrier offers no service level, repeats one, or names one that does not exist.")]
    public const string ServiceLevelsInvalidCode = "CARRIER_SERVICE_LEVELS_INVALID";
    [ErrorDescription("A tracking URL template is not an absolute http(s) URL with exactly one {tracking} placeholder, or is too long.")]
    public const string TrackingUrlInvalidCode = "CARRIER_TRACKING_URL_INVALID";
    [ErrorDescription("No carrier has this code.")]
    public const string NotFoundCode = "CARRIER_NOT_FOUND";
    [ErrorDescription("A carrier with this code exists already.")]
    public const string DuplicateCode = "CARRIER_DUPLICATE";
    [ErrorDescription("The carrier already has exactly these details, so nothing would change.")]
    public const string UnchangedCode = "CARRIER_UNCHANGED";
    [ErrorDescription("A shipment names a carrier that is not an active carrier of the master data (checked once any carrier is kept there).")]
    public const string UnknownCode = "CARRIER_UNKNOWN";

    public static Error NotFound(CarrierCode code) => new(NotFoundCode, $"Carrier {code} does not exist.", "code");

    public static Error Duplicate(CarrierCode code) => new(DuplicateCode, $"Carrier {code} exists already.", "code");

    public static Error Unknown(string carrier, string field = "carrier") =>
        new(UnknownCode, $"'{carrier}' is not an active carrier; choose one of the carriers kept in master data.", field);

    internal static Error NotPermitted(Actor actor) =>
        new(CommonErrors.NotPermitted, $"{actor.Name} may not change carriers: it needs the {Roles.Planner} role.");
}
