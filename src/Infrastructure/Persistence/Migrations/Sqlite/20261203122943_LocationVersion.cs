using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
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
