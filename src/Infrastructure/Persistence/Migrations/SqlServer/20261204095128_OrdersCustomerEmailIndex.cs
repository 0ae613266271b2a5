using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Validation's fraud score counts a customer's orders by email (decision 055): without an index every count read the whole
    /// Orders table. The email is a column of the order's Customer complex property, which the model cannot index, so the
    /// index is this migration's own, not the model's.
    /// </summary>
    public partial class OrdersCustomerEmailIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerEmail",
                table: "Orders",
                column: "CustomerEmail");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerEmail",
                table: "Orders");
        }
    }
}
