using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReturnKpiReturnedUnits",
                columns: table => new
                {
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderLineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnKpiReturnedUnits", x => new { x.ReturnId, x.OrderLineNumber });
                });

            migrationBuilder.CreateTable(
                name: "ReturnKpiReturns",
                columns: table => new
                {
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DispositionedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    IsLive = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnKpiReturns", x => x.ReturnId);
                });

            migrationBuilder.CreateTable(
                name: "ReturnKpiShippedUnits",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnKpiShippedUnits", x => new { x.Channel, x.Sku, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiReturnedUnits_RequestedDay_Sku",
                table: "ReturnKpiReturnedUnits",
                columns: new[] { "RequestedDay", "Sku" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiReturns_DispositionedAtTicks",
                table: "ReturnKpiReturns",
                column: "DispositionedAtTicks");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiReturns_RefundedAtTicks",
                table: "ReturnKpiReturns",
                column: "RefundedAtTicks");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiShippedUnits_Day_Sku",
                table: "ReturnKpiShippedUnits",
                columns: new[] { "Day", "Sku" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReturnKpiReturnedUnits");

            migrationBuilder.DropTable(
                name: "ReturnKpiReturns");

            migrationBuilder.DropTable(
                name: "ReturnKpiShippedUnits");
        }
    }
}
