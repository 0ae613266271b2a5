using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// A parcel carrier shipments leave with: the service levels it is contracted for and where a parcel is tracked. Once any
/// carrier is kept, a shipment is confirmed only with an active one.
/// </summary>
public sealed class Carrier : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int TrackingUrlMaxLength = 300;

    /// <summary>Where a tracking URL template puts the shipment's tracking number.</summary>
    public const string TrackingPlaceholder = "{tracking}";

    private ServiceLevel[] _serviceLevels = [];

    private Carrier() { }

    public CarrierCode Code { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The service levels it offers, in enum order.</summary>
    public IReadOnlyList<ServiceLevel> ServiceLevels => _serviceLevels;

    /// <summary>E.g. https://track.example.com/?id={tracking}; empty when the carrier has no tracking page.</summary>
    public string TrackingUrlTemplate { get; private set; } = "";
    public bool IsActive { get; private set; }

    public static Result<Carrier> Create(string code, string name, IReadOnlyList<ServiceLevel> serviceLevels, string? trackingUrlTemplate,
        Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return CarrierErrors.NotPermitted(actor);
        var parsed = CarrierCode.Create(code);
        if (parsed.IsFailure)
            return Result<Carrier>.Failure([.. parsed.Errors.Select(e => e.WithField("code"))]);
        if (Check(name, serviceLevels, trackingUrlTemplate) is { } refused)
            return refused;
        var carrier = new Carrier { Code = parsed.Value, IsActive = true };
        carrier.Apply(name, serviceLevels, trackingUrlTemplate);
        carrier.Raise(new CarrierRegistered(carrier.Code.Value, carrier.Name, carrier.ServiceLevels, actor.Id, at));
        return carrier;
    }

    /// <summary>Replaces every detail at once (the admin edits a carrier as one form); a change that changes nothing is refused.</summary>
    public Result Update(string name, IReadOnlyList<ServiceLevel> serviceLevels, string? trackingUrlTemplate, bool isActive, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return CarrierErrors.NotPermitted(actor);
        if (Check(name, serviceLevels, trackingUrlTemplate) is { } refused)
            return refused;
        if (Name == name.Trim() && _serviceLevels.SequenceEqual(serviceLevels.Order()) && TrackingUrlTemplate == (trackingUrlTemplate?.Trim() ?? "")
            && IsActive == isActive)
            return new Error(CarrierErrors.UnchangedCode, $"Carrier {Code} already has these details.");
        Apply(name, serviceLevels, trackingUrlTemplate);
        IsActive = isActive;
        Raise(new CarrierDetailsChanged(Code.Value, Name, ServiceLevels, IsActive, actor.Id, at));
        return Result.Success();
    }

    /// <summary>The page that tracks a parcel, or null when the carrier has none.</summary>
    public string? TrackingUrlFor(string trackingNumber) =>
        TrackingUrlTemplate.Length == 0 ? null : TrackingUrlTemplate.Replace(TrackingPlaceholder, Uri.EscapeDataString(trackingNumber), StringComparison.Ordinal);

    private static Error? Check(string name, IReadOnlyList<ServiceLevel> serviceLevels, string? trackingUrlTemplate)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return new Error(CarrierErrors.NameInvalidCode, $"A carrier name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        ArgumentNullException.ThrowIfNull(serviceLevels);
        if (serviceLevels.Count == 0)
            return new Error(CarrierErrors.ServiceLevelsInvalidCode, "A carrier offers at least one service level.", "serviceLevels");
        if (serviceLevels.Any(l => !Enum.IsDefined(l)) || serviceLevels.Distinct().Count() != serviceLevels.Count)
            return new Error(CarrierErrors.ServiceLevelsInvalidCode, "Each service level is named once and is one of Standard, Express, NextDay.", "serviceLevels");
        var template = trackingUrlTemplate?.Trim() ?? "";
        if (template.Length > 0 && !IsTrackingTemplate(template))
            return new Error(CarrierErrors.TrackingUrlInvalidCode,
                $"A tracking URL is an absolute http(s) URL of at most {TrackingUrlMaxLength} characters with {TrackingPlaceholder} once, where the tracking number goes.",
                "trackingUrlTemplate");
        return null;
    }

    private static bool IsTrackingTemplate(string template)
    {
        var placeholder = template.IndexOf(TrackingPlaceholder, StringComparison.Ordinal);
        return template.Length <= TrackingUrlMaxLength && placeholder >= 0
            && placeholder == template.LastIndexOf(TrackingPlaceholder, StringComparison.Ordinal)
            && Uri.TryCreate(template.Replace(TrackingPlaceholder, "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http" && TextRules.Check(template, "trackingUrlTemplate") is null;
    }

    private void Apply(string name, IReadOnlyList<ServiceLevel> serviceLevels, string? trackingUrlTemplate)
    {
        Name = name.Trim();
        _serviceLevels = [.. serviceLevels.Order()];
        TrackingUrlTemplate = trackingUrlTemplate?.Trim() ?? "";
    }
}
