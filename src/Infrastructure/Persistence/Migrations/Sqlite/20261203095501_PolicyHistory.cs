using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    PreviousValue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChanges_Key_Channel_Currency_Number",
                table: "PolicyChanges",
                columns: new[] { "Key", "Channel", "Currency", "Number" },
                unique: true);

            // Every value set before becomes the first version of its policy's global scope, effective since it was set
            // (status 1 = Effective); the previous value of a first version is the policy's default.
            migrationBuilder.Sql(@"INSERT INTO ""PolicyChanges"" (""Id"", ""Key"", ""Channel"", ""Currency"", ""Number"", ""Value"", ""PreviousValue"", ""Reason"", ""ProposedBy"", ""ProposedAt"", ""Status"", ""EffectiveFrom"")
SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)), ""Key"", '', '', 1, ""Value"", CASE ""Key"" WHEN 'orders.high-value-threshold' THEN '2500' WHEN 'orders.fraud-score-threshold' THEN '60' WHEN 'inventory.adjustment-approval-threshold' THEN '50' WHEN 'inventory.receipt-over-tolerance-percent' THEN '5' WHEN 'inventory.receipt-under-tolerance-percent' THEN '2' ELSE ""Value"" END, 'Carried over: the value set before policies had a history.', ""UpdatedBy"", ""UpdatedAt"", 1, ""UpdatedAt""
FROM (SELECT hex(randomblob(16)) AS h, * FROM ""PolicyValues"");");

            migrationBuilder.DropTable(
                name: "PolicyValues");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyChanges");

            migrationBuilder.CreateTable(
                name: "PolicyValues",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyValues", x => x.Key);
                });
        }
    }
}
