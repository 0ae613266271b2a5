using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CarrierCapacityAndShipBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ShipBy",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_Express",
                table: "Locations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_NextDay",
                table: "Locations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_Standard",
                table: "Locations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShipBy",
                table: "ExceptionCases",
                type: "bigint",
                nullable: true);

            // Decision 027: the single daily capacity becomes the capacity of every service level (0 stays 0: no pickups, never
            // "no limit"); orders captured before ship-by existed get captured at + their channel's SLA today (48 h without one).
            // EXEC: the idempotent script compiles each block before it runs, when the new columns do not exist yet.
            migrationBuilder.Sql(
                "EXEC(N'UPDATE Locations SET CarrierCapacity_Standard = DailyCarrierCapacity, CarrierCapacity_Express = DailyCarrierCapacity, "
                + "CarrierCapacity_NextDay = DailyCarrierCapacity;')");
            migrationBuilder.Sql(
                "EXEC(N'UPDATE Orders SET ShipBy = CapturedAt + COALESCE((SELECT c.Policy_ShipBySlaHours FROM Channels c WHERE c.Code = Orders.Channel), 48) "
                + "* 36000000000;')");

            migrationBuilder.DropColumn(
                name: "DailyCarrierCapacity",
                table: "Locations");

            migrationBuilder.CreateTable(
                name: "CarrierCapacityDays",
                columns: table => new
                {
                    Location = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ServiceLevel = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Booked = table.Column<int>(type: "int", nullable: false),
                    BookedOverCapacity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarrierCapacityDays", x => new { x.Location, x.ServiceLevel, x.Day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarrierCapacityDays");

            migrationBuilder.DropColumn(
                name: "ShipBy",
                table: "Orders");

            migrationBuilder.AddColumn<int>(
                name: "DailyCarrierCapacity",
                table: "Locations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("EXEC(N'UPDATE Locations SET DailyCarrierCapacity = COALESCE(CarrierCapacity_Standard, 0);')");

            migrationBuilder.DropColumn(
                name: "CarrierCapacity_Express",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "CarrierCapacity_NextDay",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "CarrierCapacity_Standard",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ShipBy",
                table: "ExceptionCases");
        }
    }
}
