using System.Text;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using FluentValidation;

namespace EcomErp.Application.Imports.QueueImport;

/// <summary>
/// Takes an uploaded import file in for the worker: the file must be a readable CSV file of its kind (header, size and row
/// limits; refused whole at once, saving nothing), then it is stored with its run, Queued, and handed to the import job,
/// which checks every row and takes in all of them or none. Every import goes this one way, however small.
/// </summary>
public sealed record QueueImport(Actor Actor, ImportKind Kind, string FileName, string Content) : IAuditedCommand
{
    /// <summary>How the ledger and the audit log will name this import, e.g. <c>skus-0194c1d2e3f4a</c>.</summary>
    public string Reference { get; } = $"{(Kind == ImportKind.Skus ? "skus" : "stock")}-{Guid.NewGuid():N}"[..(Kind == ImportKind.Skus ? 17 : 18)];

    AuditSubject IAuditedCommand.Subject => ImportRows.Subject(Reference);
}

internal sealed class QueueImportHandler(
    IImportRunRepository runs, IImportFileReader files, IImportQueue queue, IUnitOfWork unitOfWork, IValidator<QueueImport> validator,
    ImportOptions limits, TimeProvider clock) : ICommandHandler<QueueImport, ImportRunView>
{
    public async Task<Result<ImportRunView>> HandleAsync(QueueImport command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ImportRunView>.Failure(valid.Errors);
        // Both kinds change what the business holds (catalog, ledger); the commands the job runs check the same rule per row.
        if (!command.Actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{command.Actor.Name} may not import master data or stock: it needs the {Roles.Planner} role.");
        var size = Encoding.UTF8.GetByteCount(command.Content);
        if (size > limits.MaxFileBytes)
            return new Error(ImportErrors.FileTooLarge, $"The file is {ImportRows.Size(size)}; an import takes at most {ImportRows.Size(limits.MaxFileBytes)}.", "file");
        var rows = files.Read(command.Content, ImportLayout.For(command.Kind), limits.MaxRows);
        if (rows.IsFailure)
            return Result<ImportRunView>.Failure(rows.Errors);
        var run = ImportRun.Queue(command.Reference, command.Kind, command.FileName, command.Actor, command.Content, rows.Value.Count, clock.GetUtcNow());
        runs.Add(run);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<ImportRunView>.Failure(saved.Errors);
        queue.Enqueue(run.Id);
        return ImportRunView.From(run);
    }
}

internal sealed class QueueImportValidator : AbstractValidator<QueueImport>
{
    public QueueImportValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Kind).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.FileName).NotEmpty().WithErrorCode(CommonErrors.ValidationFailed).WithMessage("The file has no name.").OverridePropertyName("file");
        RuleFor(c => c.Content).NotEmpty().WithErrorCode(ImportErrors.FileEmpty)
            .WithMessage("Choose a CSV file to import; the file sent is empty.").OverridePropertyName("file");
    }
}
