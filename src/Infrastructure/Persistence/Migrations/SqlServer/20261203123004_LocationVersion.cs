using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LocationVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Locations",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Locations");
        }
    }
}
