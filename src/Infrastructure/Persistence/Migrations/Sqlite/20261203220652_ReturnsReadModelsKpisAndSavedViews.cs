using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnsReadModelsKpisAndSavedViews : Migration
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

            migrationBuilder.CreateTable(
                name: "ReturnReadModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RmaNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RmaOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusRank = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RequestedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorizedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DispositionedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusChangedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitsRequested = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsMissing = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    CreditNoteNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReplacementOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnReadModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedOrderViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedOrderViews", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_Channel_RequestedAtTicks_Id",
                table: "ReturnReadModels",
                columns: new[] { "Channel", "RequestedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_OrderId_RequestedAtTicks",
                table: "ReturnReadModels",
                columns: new[] { "OrderId", "RequestedAtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_RequestedAtTicks_Id",
                table: "ReturnReadModels",
                columns: new[] { "RequestedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_RmaNumber",
                table: "ReturnReadModels",
                column: "RmaNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_RmaOrder_Id",
                table: "ReturnReadModels",
                columns: new[] { "RmaOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_StatusChangedAtTicks_Id",
                table: "ReturnReadModels",
                columns: new[] { "StatusChangedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_StatusRank_Id",
                table: "ReturnReadModels",
                columns: new[] { "StatusRank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnReadModels_Status_StatusChangedAtTicks_Id",
                table: "ReturnReadModels",
                columns: new[] { "Status", "StatusChangedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedOrderViews_OwnerId_NormalizedName",
                table: "SavedOrderViews",
                columns: new[] { "OwnerId", "NormalizedName" },
                unique: true);
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

            migrationBuilder.DropTable(
                name: "ReturnReadModels");

            migrationBuilder.DropTable(
                name: "SavedOrderViews");
        }
    }
}
