namespace EcomErp.Domain.Returns;

/// <summary>A command of the returns workflow, guarded by one rule each in <see cref="ReturnWorkflow"/>.</summary>
public enum ReturnStep
{
    Authorize,
    Reject,
    MarkInTransit,
    Receive,
    CloseMissingUnits,
    Inspect,
    Disposition,
    ApproveWriteOff,
    Refund,
    Close,
    Cancel,
}
