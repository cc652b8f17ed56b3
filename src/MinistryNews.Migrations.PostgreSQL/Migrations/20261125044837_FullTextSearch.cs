using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search table (tsvector, GIN, unaccent) and foreign keys that the ingestion may check at its commit.
            migrationBuilder.Sql(MinistryNews.Core.Search.SearchIndex.PostgreSqlCreateTables);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"ArticleSearch\";");
        }
    }
}
