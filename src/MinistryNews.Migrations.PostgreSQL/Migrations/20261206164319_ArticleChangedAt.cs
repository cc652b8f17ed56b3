using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class ArticleChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAtUtc",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // The articles stored before the column last changed, as far as the archive knows, when they were last written.
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"ChangedAtUtc\" = \"IngestedAtUtc\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedAtUtc",
                table: "Articles");
        }
    }
}
