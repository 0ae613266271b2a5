using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReturnKpisPerCustomer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "ReturnKpiReturnedUnits",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReturnKpiCustomerShippedUnits",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CustomerEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Units = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnKpiCustomerShippedUnits", x => new { x.Channel, x.CustomerEmail, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiReturnedUnits_RequestedDay_CustomerEmail",
                table: "ReturnKpiReturnedUnits",
                columns: new[] { "RequestedDay", "CustomerEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiCustomerShippedUnits_CustomerId",
                table: "ReturnKpiCustomerShippedUnits",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiCustomerShippedUnits_Day_CustomerEmail",
                table: "ReturnKpiCustomerShippedUnits",
                columns: new[] { "Day", "CustomerEmail" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReturnKpiCustomerShippedUnits");

            migrationBuilder.DropIndex(
                name: "IX_ReturnKpiReturnedUnits_RequestedDay_CustomerEmail",
                table: "ReturnKpiReturnedUnits");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "ReturnKpiReturnedUnits");
        }
    }
}
