using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Api.GraphQL.Finance;

public sealed class AccountTypeType() : DescribedEnumType<AccountType>("AccountType",
    "What an account's balance is.",
    new Dictionary<AccountType, string>
    {
        [AccountType.Asset] = "What the business owns (Inventory, Receivables…).",
        [AccountType.Liability] = "What it owes (Refunds payable…).",
        [AccountType.Equity] = "What it was given (Opening balance equity).",
        [AccountType.Revenue] = "What it earned; Sales returns reduces it.",
        [AccountType.Expense] = "What it spent (Cost of goods sold, write-offs…).",
    });

public sealed class FinanceDocumentKindType() : DescribedEnumType<FinanceDocumentKind>("FinanceDocumentKind",
    "An invoice or a credit note.",
    new Dictionary<FinanceDocumentKind, string>
    {
        [FinanceDocumentKind.Invoice] = "What the customer owes for an invoiced order.",
        [FinanceDocumentKind.CreditNote] = "What a refund pays the customer back for a return.",
    });
