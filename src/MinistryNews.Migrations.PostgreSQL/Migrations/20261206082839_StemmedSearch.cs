using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class StemmedSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The words by their stems, so "minister" finds "ministers": a text search configuration of English stems
            // through unaccent, and a third tsvector of each search entry, made from its article's text.
            migrationBuilder.Sql(MinistryNews.Core.Search.SearchIndex.PostgreSqlCreateStemmed);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" DROP COLUMN "Stemmed";
                DROP TEXT SEARCH CONFIGURATION ministrynews_english;
                DROP TEXT SEARCH DICTIONARY ministrynews_english_stem;
                """);
        }
    }
}
