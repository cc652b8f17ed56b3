using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchiveGeneration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveGeneration", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ArchiveGeneration",
                columns: new[] { "Id", "Generation" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveGeneration");
        }
    }
}
