using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "SkuReadModels",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubstituteCodes",
                table: "SkuReadModels",
                type: "TEXT",
                maxLength: 205,
                nullable: false,
                defaultValue: "");

            // Rows projected before these columns existed: the SKU's substitutes as the catalog holds them, and its name folded
            // as far as the database's UPPER goes (SQLite folds ASCII only; the SKU's next event or a read-model rebuild folds the rest).
            migrationBuilder.Sql("""
                UPDATE "SkuReadModels" SET "NameKey" = UPPER("Name"),
                    "SubstituteCodes" = COALESCE((SELECT s."SubstituteCodes" FROM "Skus" AS s WHERE s."Code" = "SkuReadModels"."Code"), '')
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SkuReadModels_Currency_PriceMinor_Code",
                table: "SkuReadModels",
                columns: new[] { "Currency", "PriceMinor", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_SkuReadModels_NameKey_Code",
                table: "SkuReadModels",
                columns: new[] { "NameKey", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_SkuReadModels_Style_Code",
                table: "SkuReadModels",
                columns: new[] { "Style", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SkuReadModels_Currency_PriceMinor_Code",
                table: "SkuReadModels");

            migrationBuilder.DropIndex(
                name: "IX_SkuReadModels_NameKey_Code",
                table: "SkuReadModels");

            migrationBuilder.DropIndex(
                name: "IX_SkuReadModels_Style_Code",
                table: "SkuReadModels");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "SkuReadModels");

            migrationBuilder.DropColumn(
                name: "SubstituteCodes",
                table: "SkuReadModels");
        }
    }
}
