using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ActorKind = table.Column<int>(type: "int", nullable: false),
                    ActorRoles = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Command = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SubjectKind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SubjectId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    ErrorCodes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ActorId_RecordedAt",
                table: "AuditLog",
                columns: new[] { "ActorId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_RecordedAt",
                table: "AuditLog",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_SubjectId_RecordedAt",
                table: "AuditLog",
                columns: new[] { "SubjectId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");
        }
    }
}
