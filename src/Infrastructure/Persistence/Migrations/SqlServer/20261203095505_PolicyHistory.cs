using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    PreviousValue = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ProposedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ProposedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "bigint", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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
            migrationBuilder.Sql(@"INSERT INTO [PolicyChanges] ([Id], [Key], [Channel], [Currency], [Number], [Value], [PreviousValue], [Reason], [ProposedBy], [ProposedAt], [Status], [EffectiveFrom])
SELECT NEWID(), [Key], N'', N'', 1, [Value], CASE [Key] WHEN 'orders.high-value-threshold' THEN 2500 WHEN 'orders.fraud-score-threshold' THEN 60 WHEN 'inventory.adjustment-approval-threshold' THEN 50 WHEN 'inventory.receipt-over-tolerance-percent' THEN 5 WHEN 'inventory.receipt-under-tolerance-percent' THEN 2 ELSE [Value] END, N'Carried over: the value set before policies had a history.', [UpdatedBy], [UpdatedAt], 1, [UpdatedAt]
FROM [PolicyValues];");

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
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyValues", x => x.Key);
                });
        }
    }
}
