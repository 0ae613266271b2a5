namespace EcomErp.Domain.Finance;

public enum FinanceDocumentKind
{
    Invoice = 0,
    CreditNote = 1,
}
