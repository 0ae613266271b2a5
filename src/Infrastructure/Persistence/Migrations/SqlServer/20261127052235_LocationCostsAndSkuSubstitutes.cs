using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LocationCostsAndSkuSubstitutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubstituteCodes",
                table: "Skus",
                type: "nvarchar(205)",
                maxLength: 205,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CostCurrency",
                table: "Locations",
                type: "nchar(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "EUR");

            migrationBuilder.AddColumn<long>(
                name: "ExpediteCostMinor",
                table: "Locations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShipmentCostMinor",
                table: "Locations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubstituteCodes",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "CostCurrency",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ExpediteCostMinor",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ShipmentCostMinor",
                table: "Locations");
        }
    }
}
