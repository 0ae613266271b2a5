using EcomErp.Application.Abstractions;
using EcomErp.Application.Finance.GetFinanceDocument;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Finance;

/// <summary>
/// One invoice or credit note as issued, laid out to be printed (the print stylesheet drops the admin's shell): number, dates, the
/// order and return it belongs to, lines, fees and total. Documents carry no tax: the journal does not model it yet.
/// </summary>
[Authorize(Roles = FinanceRoles.Readers)]
public sealed class DocumentModel(IQueryHandler<GetFinanceDocument, FinanceDocument?> get) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public FinanceDocument Document { get; private set; } = null!;

    public bool IsCreditNote => Document.Kind == FinanceDocumentKind.CreditNote;

    public string Title => IsCreditNote ? "Credit note" : "Invoice";

    public string Money(long minor) => new Money(minor, Currency.Of(Document.Currency)).ToString();

    public long LinesMinor => Document.Lines.Sum(l => l.AmountMinor);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Document numbers are upper case (INV-, CN-); the admin writes its addresses in lower case, so a link arrives as cn-….
        if ((await get.HandleAsync(new GetFinanceDocument(Number.Trim().ToUpperInvariant()), cancellationToken)).Value is not { } document)
            return NotFound();
        Document = document;
        return Page();
    }
}
