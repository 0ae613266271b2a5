namespace EcomErp.Domain.Policies;

/// <summary>The value that applies in a scope, and the effective change that set it (null: nobody did, the default applies).</summary>
public sealed record PolicyInForce(decimal Value, PolicyChange? SetBy)
{
    public bool IsDefault => SetBy is null;
}
