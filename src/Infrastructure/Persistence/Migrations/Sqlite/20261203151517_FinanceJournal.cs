using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinanceJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "FinanceDocuments",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RmaNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    RestockingFeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnShippingFeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinanceDocuments", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FinanceDocumentLines",
                columns: table => new
                {
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", nullable: false),
                    OrderLineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPriceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinanceDocumentLines", x => new { x.DocumentNumber, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_FinanceDocumentLines_FinanceDocuments_DocumentNumber",
                        column: x => x.DocumentNumber,
                        principalTable: "FinanceDocuments",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalLines",
                columns: table => new
                {
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    JournalEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DebitMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalLines", x => new { x.JournalEntryId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_JournalLines_Accounts_Account",
                        column: x => x.Account,
                        principalTable: "Accounts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalLines_JournalEntries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Accounts",
                columns: new[] { "Code", "Name", "Type" },
                values: new object[,]
                {
                    { "COST_OF_GOODS_SOLD", "Cost of goods sold", 4 },
                    { "GOODS_RECEIVED_NOT_INVOICED", "Goods received not invoiced", 1 },
                    { "INVENTORY", "Inventory", 0 },
                    { "INVENTORY_ADJUSTMENTS", "Inventory adjustments", 4 },
                    { "INVENTORY_REVALUATION", "Inventory revaluation", 4 },
                    { "INVENTORY_WRITE_OFF", "Inventory write-off", 4 },
                    { "OPENING_BALANCE_EQUITY", "Opening balance equity", 2 },
                    { "RECEIVABLES", "Receivables", 0 },
                    { "REFUNDS_PAYABLE", "Refunds payable", 1 },
                    { "RESTOCKING_FEE_INCOME", "Restocking fee income", 3 },
                    { "RETURN_SHIPPING_INCOME", "Return shipping income", 3 },
                    { "REVENUE", "Revenue", 3 },
                    { "SALES_RETURNS", "Sales returns", 3 },
                    { "SUPPLIER_RETURNS_RECEIVABLE", "Supplier returns receivable", 0 },
                    { "TRANSFERS_CLEARING", "Transfers clearing", 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_FinanceDocuments_Kind_IssuedAt",
                table: "FinanceDocuments",
                columns: new[] { "Kind", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FinanceDocuments_OrderId",
                table: "FinanceDocuments",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_PostedAt",
                table: "JournalEntries",
                column: "PostedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_SourceType_SourceId_SourceVersion_Rule",
                table: "JournalEntries",
                columns: new[] { "SourceType", "SourceId", "SourceVersion", "Rule" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalLines_Account_Sku",
                table: "JournalLines",
                columns: new[] { "Account", "Sku" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FinanceDocumentLines");

            migrationBuilder.DropTable(
                name: "JournalLines");

            migrationBuilder.DropTable(
                name: "FinanceDocuments");

            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "JournalEntries");
        }
    }
}
