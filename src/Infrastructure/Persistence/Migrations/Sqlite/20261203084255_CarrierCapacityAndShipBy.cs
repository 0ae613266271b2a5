using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_Express",
                table: "Locations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_NextDay",
                table: "Locations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CarrierCapacity_Standard",
                table: "Locations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShipBy",
                table: "ExceptionCases",
                type: "INTEGER",
                nullable: true);

            // Decision 027: the single daily capacity becomes the capacity of every service level (0 stays 0: no pickups, never
            // "no limit"); orders captured before ship-by existed get captured at + their channel's SLA today (48 h without one).
            migrationBuilder.Sql(
                "UPDATE Locations SET CarrierCapacity_Standard = DailyCarrierCapacity, CarrierCapacity_Express = DailyCarrierCapacity, "
                + "CarrierCapacity_NextDay = DailyCarrierCapacity;");
            migrationBuilder.Sql(
                "UPDATE Orders SET ShipBy = CapturedAt + COALESCE((SELECT c.Policy_ShipBySlaHours FROM Channels c WHERE c.Code = Orders.Channel), 48) "
                + "* 36000000000;");

            migrationBuilder.DropColumn(
                name: "DailyCarrierCapacity",
                table: "Locations");

            migrationBuilder.CreateTable(
                name: "CarrierCapacityDays",
                columns: table => new
                {
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedOverCapacity = table.Column<int>(type: "INTEGER", nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE Locations SET DailyCarrierCapacity = COALESCE(CarrierCapacity_Standard, 0);");

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
