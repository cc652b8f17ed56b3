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

            // People stored before the previous migration (it made the table): their name words, so new spellings still find them.
            migrationBuilder.Sql("""
                WITH RECURSIVE split(PersonId, Word, Rest) AS (
                    SELECT Id, '', NameKey || ' ' FROM People
                    UNION ALL
                    SELECT PersonId, substr(Rest, 1, instr(Rest, ' ') - 1), substr(Rest, instr(Rest, ' ') + 1) FROM split WHERE Rest <> ''
                )
                INSERT OR IGNORE INTO PersonNameWords (PersonId, Word) SELECT PersonId, Word FROM split WHERE Word <> '';
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
