using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>
/// A named threshold or rule value that admins govern (approval thresholds, fraud score limit, ...).
/// Each key declares its range so a bad value is refused where it is set, not discovered where it is used.
/// </summary>
public sealed class PolicyValue
{
    public const int KeyMaxLength = 100;

    private PolicyValue() { }

    public string Key { get; private set; } = "";
    public decimal Value { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<PolicyValue> Create(string key, decimal value, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator sets policies.");
        if (PolicyKeys.Find(key) is not { } definition)
            return new Error(PolicyErrors.UnknownKey, $"'{key}' is not a policy.", "key");
        if (definition.Check(value) is { } error)
            return error;
        return new PolicyValue { Key = definition.Key, Value = value, UpdatedBy = actor.Id, UpdatedAt = at };
    }

    public Result Change(decimal value, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator changes policies.");
        if (PolicyKeys.Find(Key)!.Check(value) is { } error)
            return error;
        (Value, UpdatedBy, UpdatedAt) = (value, actor.Id, at);
        return Result.Success();
    }
}
