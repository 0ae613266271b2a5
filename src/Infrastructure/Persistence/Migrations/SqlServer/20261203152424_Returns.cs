using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RmaNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Requester = table.Column<int>(type: "int", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    NeedsApproval = table.Column<bool>(type: "bit", nullable: false),
                    AuthorizedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Location = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: true),
                    DispositionedAt = table.Column<long>(type: "bigint", nullable: true),
                    WriteOffRequestedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    RestockingFeeBasisPoints = table.Column<int>(type: "int", nullable: false),
                    ReturnShippingFeeMinor = table.Column<long>(type: "bigint", nullable: false),
                    WriteOffApprovalUnits = table.Column<int>(type: "int", nullable: false),
                    ReplacementOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreditNoteNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    RefundTotalMinor = table.Column<long>(type: "bigint", nullable: false),
                    RefundedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosingReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Returns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReturnLines",
                columns: table => new
                {
                    OrderLineNumber = table.Column<int>(type: "int", nullable: false),
                    ReturnId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    UnitPriceMinor = table.Column<long>(type: "bigint", nullable: false),
                    ReasonCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Fault = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ExchangeSku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ExchangeQuantity = table.Column<int>(type: "int", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "int", nullable: false),
                    MissingQuantity = table.Column<int>(type: "int", nullable: false),
                    GradedResellable = table.Column<int>(type: "int", nullable: false),
                    GradedRefurbishable = table.Column<int>(type: "int", nullable: false),
                    GradedDamaged = table.Column<int>(type: "int", nullable: false),
                    Restocked = table.Column<int>(type: "int", nullable: false),
                    Refurbished = table.Column<int>(type: "int", nullable: false),
                    Scrapped = table.Column<int>(type: "int", nullable: false),
                    ReturnedToVendor = table.Column<int>(type: "int", nullable: false),
                    WriteOffPending = table.Column<int>(type: "int", nullable: false)
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
                    ReceiptId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReturnId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Location = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
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
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    ReturnId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    From = table.Column<int>(type: "int", nullable: true),
                    To = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
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
