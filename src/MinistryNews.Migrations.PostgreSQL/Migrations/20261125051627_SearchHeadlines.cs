using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SearchHeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text search configuration of the passages (ts_headline): words without accents, as the index holds them.
            migrationBuilder.Sql(MinistryNews.Core.Search.SearchIndex.PostgreSqlCreateConfiguration);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION ministrynews;");
        }
    }
}
