namespace EcomErp.Domain.Imports;

/// <summary>
/// Where an import is: waiting for the worker, having its rows checked, being saved, and then one of three ends — every row
/// taken in, refused (nothing taken in, the report says why), or failed (the worker could not finish; nothing taken in).
/// </summary>
public enum ImportState
{
    Queued,
    Validating,
    Applying,
    Succeeded,
    Refused,
    Failed,
}
