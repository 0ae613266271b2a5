using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InventoryRemainders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedOn",
                table: "Transfers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BackorderedLineReadModels",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    CapturedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackorderedLineReadModels", x => new { x.OrderId, x.LineNumber });
                });

            migrationBuilder.CreateTable(
                name: "CycleCountReadModels",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CountedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    BookQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Variance = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CountedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleCountReadModels", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackorderedLineReadModels_Sku_CapturedAtTicks",
                table: "BackorderedLineReadModels",
                columns: new[] { "Sku", "CapturedAtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleCountReadModels_CountedAtTicks",
                table: "CycleCountReadModels",
                column: "CountedAtTicks");

            migrationBuilder.CreateIndex(
                name: "IX_CycleCountReadModels_Location_Sequence",
                table: "CycleCountReadModels",
                columns: new[] { "Location", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleCountReadModels_Sku_Location_Sequence",
                table: "CycleCountReadModels",
                columns: new[] { "Sku", "Location", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackorderedLineReadModels");

            migrationBuilder.DropTable(
                name: "CycleCountReadModels");

            migrationBuilder.DropColumn(
                name: "ExpectedOn",
                table: "Transfers");
        }
    }
}
