using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExceptionCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExceptionCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    HoldId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Queue = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Assignee = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    PriorityValue = table.Column<int>(type: "int", nullable: false),
                    PriorityFactors = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RaisedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RaisedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    PolicyVersion = table.Column<int>(type: "int", nullable: false),
                    EscalationLevel = table.Column<int>(type: "int", nullable: false),
                    EscalatedTo = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    BreachedAt = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Resolution = table.Column<int>(type: "int", nullable: true),
                    ResolutionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectKind = table.Column<int>(type: "int", nullable: false),
                    SubjectLineNumber = table.Column<int>(type: "int", nullable: true),
                    SubjectShipmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExceptionCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExceptionCaseTimeline",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExceptionCaseTimeline", x => new { x.CaseId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ExceptionCaseTimeline_ExceptionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ExceptionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionCases_HoldId",
                table: "ExceptionCases",
                column: "HoldId",
                unique: true,
                filter: "[HoldId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionCases_Queue_Status",
                table: "ExceptionCases",
                columns: new[] { "Queue", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionCases_Status_DueAt",
                table: "ExceptionCases",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExceptionCaseTimeline");

            migrationBuilder.DropTable(
                name: "ExceptionCases");
        }
    }
}
