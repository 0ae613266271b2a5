using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "ReturnKpiReturnedUnits",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            // Channels that existed before currencies were chosen per channel all sold in euros.
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Channels",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "EUR");

            migrationBuilder.CreateTable(
                name: "BackorderedLineReadModels",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    CapturedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackorderedLineReadModels", x => new { x.OrderId, x.LineNumber });
                });

            migrationBuilder.CreateTable(
                name: "CycleCountReadModels",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CountedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    BookQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Variance = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CountedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleCountReadModels", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorRoles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderReturnCounters",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Requested = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderReturnCounters", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "ReturnKpiCustomerShippedUnits",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnKpiCustomerShippedUnits", x => new { x.Channel, x.CustomerEmail, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "SkuCostChanges",
                columns: table => new
                {
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SkuVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CostBeforeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CostAfterMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
