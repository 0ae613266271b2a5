using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChannelAllocationPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Policy_AlternateLocations",
                table: "Channels",
                type: "nvarchar(1056)",
                maxLength: 1056,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Policy_BackorderAllowed",
                table: "Channels",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Policy_EligibleLocations",
                table: "Channels",
                type: "nvarchar(1056)",
                maxLength: 1056,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Policy_RuleOrder",
                table: "Channels",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "OneShipment,ShipToRegion,LocationPriority,StockDepth");

            migrationBuilder.AddColumn<int>(
                name: "Policy_SafetyStockDrawFrom",
                table: "Channels",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Policy_ShipBySlaHours",
                table: "Channels",
                type: "int",
                nullable: false,
                defaultValue: 48);

            migrationBuilder.AddColumn<bool>(
                name: "Policy_SplitAllowed",
                table: "Channels",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "Policy_StockCapPerSku",
                table: "Channels",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Policy_StockSharePercent",
                table: "Channels",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Policy_SubstitutionAllowed",
                table: "Channels",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Channels",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Existing channels get ChannelPolicy.DefaultFor(kind): marketplaces (Kind 1) ship complete, never backorder.
            // EXEC: the idempotent script runs the migration as one batch, which cannot name the columns it adds.
            migrationBuilder.Sql(
                "EXEC(N'UPDATE [Channels] SET [Policy_SplitAllowed] = 0, [Policy_BackorderAllowed] = 0, [Policy_ShipBySlaHours] = 24 WHERE [Kind] = 1')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Policy_AlternateLocations",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_BackorderAllowed",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_EligibleLocations",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_RuleOrder",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_SafetyStockDrawFrom",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_ShipBySlaHours",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_SplitAllowed",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_StockCapPerSku",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_StockSharePercent",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Policy_SubstitutionAllowed",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Channels");
        }
    }
}
