using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class ContentlessSearch : Migration
    {
        private const string Columns = "rowid, title, body, people, countries";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The full-text tables keep their index, not a second copy of each article's text: the entries are copied
            // into contentless tables as they are (the old tables still hold their text to copy).
            migrationBuilder.Sql("ALTER TABLE ArticleSearch RENAME TO ArticleSearchWithContent;");
            migrationBuilder.Sql("ALTER TABLE ArticleSearchExact RENAME TO ArticleSearchExactWithContent;");
            migrationBuilder.Sql(MinistryNews.Core.Search.SearchIndex.CreateTables);
            migrationBuilder.Sql($"INSERT INTO ArticleSearch ({Columns}) SELECT {Columns} FROM ArticleSearchWithContent;");
            migrationBuilder.Sql($"INSERT INTO ArticleSearchExact ({Columns}) SELECT {Columns} FROM ArticleSearchExactWithContent;");
            migrationBuilder.Sql("DROP TABLE ArticleSearchWithContent;");
            migrationBuilder.Sql("DROP TABLE ArticleSearchExactWithContent;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A contentless table cannot give its text back: the entries are made again from the articles (the exact
            // table then holds all the words, not only those with accents, which finds and ranks the same).
            migrationBuilder.Sql("DROP TABLE ArticleSearchExact; DROP TABLE ArticleSearch;");
            ArticleFullTextSearch.Make(migrationBuilder);
        }
    }
}
