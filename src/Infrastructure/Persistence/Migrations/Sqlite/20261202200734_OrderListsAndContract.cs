using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderListsAndContract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HoldType",
                table: "OrderTimeline",
                type: "INTEGER",
                nullable: true);

            // Hold entries were written as "HoldPlaced:FraudReview": the action keeps its name, the hold type gets its column.
            migrationBuilder.Sql(
                "UPDATE [OrderTimeline] SET [HoldType] = CASE WHEN [Action] LIKE '%:FraudReview' THEN 0 WHEN [Action] LIKE '%:AddressValidation' THEN 1 WHEN [Action] LIKE '%:HighValueApproval' THEN 2 WHEN [Action] LIKE '%:CreditCheck' THEN 3 WHEN [Action] LIKE '%:InventoryShortfall' THEN 4 WHEN [Action] LIKE '%:Manual' THEN 5 END, "
                + "[Action] = CASE WHEN [Action] LIKE 'HoldPlaced:%' THEN 'HoldPlaced' ELSE 'HoldReleased' END "
                + "WHERE [Action] LIKE 'HoldPlaced:%' OR [Action] LIKE 'HoldReleased:%';");

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "OrderReadModels",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OpenHoldTypes",
                table: "OrderReadModels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StatusRank",
                table: "OrderReadModels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_CustomerEmail_CapturedAtTicks_Id",
                table: "OrderReadModels",
                columns: new[] { "CustomerEmail", "CapturedAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_ExternalOrderId",
                table: "OrderReadModels",
                column: "ExternalOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_StatusRank_Id",
                table: "OrderReadModels",
                columns: new[] { "StatusRank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderReadModels_UpdatedAtTicks_Id",
                table: "OrderReadModels",
                columns: new[] { "UpdatedAtTicks", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE [OrderTimeline] SET [Action] = [Action] || CASE [HoldType] WHEN 0 THEN ':FraudReview' WHEN 1 THEN ':AddressValidation' WHEN 2 THEN ':HighValueApproval' WHEN 3 THEN ':CreditCheck' WHEN 4 THEN ':InventoryShortfall' WHEN 5 THEN ':Manual' END WHERE [HoldType] IS NOT NULL;");

            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_CustomerEmail_CapturedAtTicks_Id",
                table: "OrderReadModels");

            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_ExternalOrderId",
                table: "OrderReadModels");

            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_StatusRank_Id",
                table: "OrderReadModels");

            migrationBuilder.DropIndex(
                name: "IX_OrderReadModels_UpdatedAtTicks_Id",
                table: "OrderReadModels");

            migrationBuilder.DropColumn(
                name: "HoldType",
                table: "OrderTimeline");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "OrderReadModels");

            migrationBuilder.DropColumn(
                name: "OpenHoldTypes",
                table: "OrderReadModels");

            migrationBuilder.DropColumn(
                name: "StatusRank",
                table: "OrderReadModels");
        }
    }
}
