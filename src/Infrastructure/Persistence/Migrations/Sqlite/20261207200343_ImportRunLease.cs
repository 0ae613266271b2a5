using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomErp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An import run being checked or saved carries its worker's lease (decision 090), so a run whose worker stopped is ended by
    /// the next look of a worker instead of staying Validating or Applying for good on a database several workers share. The
    /// worker's looks read the runs of one state, oldest first, every poll interval: an index on (State, QueuedAt) serves them.
    /// Runs left running by a worker of an earlier version have no lease and count as run out.
    /// </summary>
    public partial class ImportRunLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_State_QueuedAt",
                table: "ImportRuns",
                columns: new[] { "State", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_State_QueuedAt",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ImportRuns");
        }
    }
}
