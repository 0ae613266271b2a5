using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerAndPurchaseOrderReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InventoryLedgerReadModels",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromBucket = table.Column<int>(type: "INTEGER", nullable: true),
                    ToBucket = table.Column<int>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OccurredAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservedAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    QualityHoldAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    DamagedAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnsAwaitingInspectionAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    InTransitAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    InboundAfter = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryLedgerReadModels", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseOrderReadModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    NextExpectedDay = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseOrderReadModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryLedgerReadModels_Location",
                table: "InventoryLedgerReadModels",
                column: "Location");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryLedgerReadModels_Sku_Location_Sequence",
                table: "InventoryLedgerReadModels",
                columns: new[] { "Sku", "Location", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryLedgerReadModels_Sku_Sequence",
                table: "InventoryLedgerReadModels",
                columns: new[] { "Sku", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderReadModels_CreatedAtTicks_Id",
                table: "PurchaseOrderReadModels",
                columns: new[] { "CreatedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderReadModels_Location_CreatedAtTicks_Id",
                table: "PurchaseOrderReadModels",
                columns: new[] { "Location", "CreatedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderReadModels_NextExpectedDay_Id",
                table: "PurchaseOrderReadModels",
                columns: new[] { "NextExpectedDay", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderReadModels_Status_CreatedAtTicks_Id",
                table: "PurchaseOrderReadModels",
                columns: new[] { "Status", "CreatedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderReadModels_UpdatedAtTicks_Id",
                table: "PurchaseOrderReadModels",
                columns: new[] { "UpdatedAtTicks", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InventoryLedgerReadModels");

            migrationBuilder.DropTable(
                name: "PurchaseOrderReadModels");
        }
    }
}
