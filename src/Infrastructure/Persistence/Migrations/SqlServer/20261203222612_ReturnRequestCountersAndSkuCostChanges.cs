using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
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
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Requested = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderReturnCounters", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "SkuCostChanges",
                columns: table => new
                {
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SkuVersion = table.Column<int>(type: "int", nullable: false),
                    CostBeforeMinor = table.Column<long>(type: "bigint", nullable: false),
                    CostAfterMinor = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
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
