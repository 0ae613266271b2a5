using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// The outbox's index on (AggregateType, AggregateId, AggregateVersion) held every event for one reader, the purchase-order
    /// projection's fold of an order's history. Nearly every row (an inventory balance's reservations above all) wrote a page
    /// of it at a random place: about 5 % of the pages a loaded host wrote to the WAL (docs/performance.md). It now holds
    /// the purchase orders' events only (a filtered index), which is all that query reads.
    /// </summary>
    public partial class OutboxPurchaseOrderHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AggregateType_AggregateId_AggregateVersion",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AggregateId_AggregateVersion",
                table: "OutboxMessages",
                columns: new[] { "AggregateId", "AggregateVersion" },
                filter: "AggregateType = 'PurchaseOrder'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AggregateId_AggregateVersion",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AggregateType_AggregateId_AggregateVersion",
                table: "OutboxMessages",
                columns: new[] { "AggregateType", "AggregateId", "AggregateVersion" });
        }
    }
}
