using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
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
                type: "INTEGER",
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
