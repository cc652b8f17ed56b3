using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class ArticlePublishedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles",
                columns: new[] { "PublishedOn", "Id" });

            // Articles stored before: the first day their partial date can mean.
            migrationBuilder.Sql("""
                UPDATE Articles SET PublishedOn = CASE length(Published)
                    WHEN 10 THEN Published WHEN 7 THEN Published || '-01' WHEN 4 THEN Published || '-01-01' END
                WHERE Published IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedOn_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "Articles");
        }
    }
}
