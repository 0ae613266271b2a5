using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReturnsHardeningCustomerKpisInventoryAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedOn",
                table: "Transfers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "ReturnKpiReturnedUnits",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            // Channels that existed before currencies were chosen per channel all sold in euros.
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Channels",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "EUR");

            migrationBuilder.CreateTable(
                name: "BackorderedLineReadModels",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "int", nullable: false),
                    CapturedAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackorderedLineReadModels", x => new { x.OrderId, x.LineNumber });
                });

            migrationBuilder.CreateTable(
                name: "CycleCountReadModels",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CountedQuantity = table.Column<int>(type: "int", nullable: false),
                    BookQuantity = table.Column<int>(type: "int", nullable: false),
                    Variance = table.Column<int>(type: "int", nullable: false),
                    CountedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CountedAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleCountReadModels", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ActorRoles = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RowsTotal = table.Column<int>(type: "int", nullable: false),
                    RowsDone = table.Column<int>(type: "int", nullable: false),
                    Imported = table.Column<int>(type: "int", nullable: true),
                    QueuedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Problems = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderReturnCounters",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Requested = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderReturnCounters", x => x.OrderId);
                });

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

            migrationBuilder.CreateTable(
                name: "SkuCostChanges",
                columns: table => new
                {
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SkuVersion = table.Column<int>(type: "int", nullable: false),
                    CostBeforeMinor = table.Column<long>(type: "bigint", nullable: false),
                    CostAfterMinor = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuCostChanges", x => new { x.Sku, x.SkuVersion });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiReturnedUnits_RequestedDay_CustomerEmail",
                table: "ReturnKpiReturnedUnits",
                columns: new[] { "RequestedDay", "CustomerEmail" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_QueuedAt_Id",
                table: "ImportRuns",
                columns: new[] { "QueuedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Reference",
                table: "ImportRuns",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiCustomerShippedUnits_CustomerId",
                table: "ReturnKpiCustomerShippedUnits",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnKpiCustomerShippedUnits_Day_CustomerEmail",
                table: "ReturnKpiCustomerShippedUnits",
                columns: new[] { "Day", "CustomerEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_SkuCostChanges_ChangedAt",
                table: "SkuCostChanges",
                column: "ChangedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackorderedLineReadModels");

            migrationBuilder.DropTable(
                name: "CycleCountReadModels");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "OrderReturnCounters");

            migrationBuilder.DropTable(
                name: "ReturnKpiCustomerShippedUnits");

            migrationBuilder.DropTable(
                name: "SkuCostChanges");

            migrationBuilder.DropIndex(
                name: "IX_ReturnKpiReturnedUnits_RequestedDay_CustomerEmail",
                table: "ReturnKpiReturnedUnits");

            migrationBuilder.DropColumn(
                name: "ExpectedOn",
                table: "Transfers");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "ReturnKpiReturnedUnits");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Channels");
        }
    }
}
