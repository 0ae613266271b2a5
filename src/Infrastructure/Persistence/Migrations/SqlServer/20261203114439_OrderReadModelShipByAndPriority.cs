using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderReadModelShipByAndPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "OrderReadModels",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ShipByTicks",
                table: "OrderReadModels",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Rows projected before these columns existed take them from the order they mirror (both are the order's own values).
            migrationBuilder.Sql(
                "EXEC(N'UPDATE r SET ShipByTicks = o.ShipBy, Priority = o.Priority FROM OrderReadModels r JOIN Orders o ON o.Id = r.Id;')");

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_Priority_Id",
                table: "OrderReadModels",
                columns: new[] { "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_ShipByTicks_Id",
                table: "OrderReadModels",
                columns: new[] { "ShipByTicks", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_Priority_Id",
                table: "OrderReadModels");

            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_ShipByTicks_Id",
                table: "OrderReadModels");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "OrderReadModels");

            migrationBuilder.DropColumn(
                name: "ShipByTicks",
                table: "OrderReadModels");
        }
    }
}
