using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Returns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Returns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RmaNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Requester = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorizedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DispositionedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WriteOffRequestedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RestockingFeeBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnShippingFeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    WriteOffApprovalUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacementOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreditNoteNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RefundTotalMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Returns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReturnLines",
                columns: table => new
                {
                    OrderLineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPriceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Fault = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExchangeSku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExchangeQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    GradedResellable = table.Column<int>(type: "INTEGER", nullable: false),
                    GradedRefurbishable = table.Column<int>(type: "INTEGER", nullable: false),
                    GradedDamaged = table.Column<int>(type: "INTEGER", nullable: false),
                    Restocked = table.Column<int>(type: "INTEGER", nullable: false),
                    Refurbished = table.Column<int>(type: "INTEGER", nullable: false),
                    Scrapped = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedToVendor = table.Column<int>(type: "INTEGER", nullable: false),
                    WriteOffPending = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnLines", x => new { x.ReturnId, x.OrderLineNumber });
                    table.ForeignKey(
                        name: "FK_ReturnLines_Returns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "Returns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnReceipts",
                columns: table => new
                {
                    ReceiptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnReceipts", x => new { x.ReturnId, x.ReceiptId });
                    table.ForeignKey(
                        name: "FK_ReturnReceipts_Returns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "Returns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnTimeline",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnTimeline", x => new { x.ReturnId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ReturnTimeline_Returns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "Returns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnLines_Sku_ReasonCode",
                table: "ReturnLines",
                columns: new[] { "Sku", "ReasonCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Returns_OrderId",
                table: "Returns",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Returns_RmaNumber",
                table: "Returns",
                column: "RmaNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Returns_Status_RequestedAt",
                table: "Returns",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReturnLines");

            migrationBuilder.DropTable(
                name: "ReturnReceipts");

            migrationBuilder.DropTable(
                name: "ReturnTimeline");

            migrationBuilder.DropTable(
                name: "Returns");
        }
    }
}
