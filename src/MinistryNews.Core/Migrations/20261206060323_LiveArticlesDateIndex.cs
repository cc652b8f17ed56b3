using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class LiveArticlesDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles",
                columns: new[] { "PublishedOn", "Id", "WithdrawnAtUtc" },
                filter: "\"WithdrawnAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles",
                columns: new[] { "PublishedOn", "Id" });
        }
    }
}
