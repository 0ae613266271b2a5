using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReturnReadModels");
        }
    }
}
