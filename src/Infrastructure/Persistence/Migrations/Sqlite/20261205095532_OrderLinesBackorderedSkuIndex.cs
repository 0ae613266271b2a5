using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Backorder conversion looks up the lines still waiting for a SKU. The index on (Sku, BackorderedQuantity) held every
    /// line, so every line's insert wrote a page of it at its SKU's place: about 6 % of the pages a loaded host wrote to the
    /// WAL (docs/performance.md). It now holds only the lines with units waiting (a filtered index), which is all the lookup reads.
    /// </summary>
    public partial class OrderLinesBackorderedSkuIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderLines_Sku_BackorderedQuantity",
                table: "OrderLines");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_Sku",
                table: "OrderLines",
                column: "Sku",
                filter: "BackorderedQuantity > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderLines_Sku",
                table: "OrderLines");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_Sku_BackorderedQuantity",
                table: "OrderLines",
                columns: new[] { "Sku", "BackorderedQuantity" });
        }
    }
}
