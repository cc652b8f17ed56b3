using Microsoft.EntityFrameworkCore.Migrations;
using MinistryNews.Core;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class PersonLatestTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LatestTitledArticleId",
                table: "People",
                type: "integer",
                nullable: true);

            migrationBuilder.Sql(ListOrderIndexes.FillLatestTitles);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LatestTitledArticleId",
                table: "People");
        }
    }
}
