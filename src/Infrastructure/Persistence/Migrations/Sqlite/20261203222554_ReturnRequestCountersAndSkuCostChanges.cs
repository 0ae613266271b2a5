using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnRequestCountersAndSkuCostChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrderReturnCounters",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Requested = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderReturnCounters", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "SkuCostChanges",
                columns: table => new
                {
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SkuVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CostBeforeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CostAfterMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuCostChanges", x => new { x.Sku, x.SkuVersion });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SkuCostChanges_ChangedAt",
                table: "SkuCostChanges",
                column: "ChangedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderReturnCounters");

            migrationBuilder.DropTable(
                name: "SkuCostChanges");
        }
    }
}
