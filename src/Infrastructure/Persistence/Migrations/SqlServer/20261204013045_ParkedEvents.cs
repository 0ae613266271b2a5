using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ParkedEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParkedEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AggregateType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AggregateId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    HeldBehind = table.Column<long>(type: "bigint", nullable: true),
                    ErrorType = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ErrorMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    FirstFailedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastFailedAt = table.Column<long>(type: "bigint", nullable: false),
                    SettledAt = table.Column<long>(type: "bigint", nullable: true),
                    SettledBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ExceptionCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_Consumer_Sequence",
                table: "ParkedEvents",
                columns: new[] { "Consumer", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_Consumer_Status_AggregateType_AggregateId",
                table: "ParkedEvents",
                columns: new[] { "Consumer", "Status", "AggregateType", "AggregateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParkedEvents");
        }
    }
}
