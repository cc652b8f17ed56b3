using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class ArticleFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Make(migrationBuilder);
        }

        /// <summary>The two tables with their text, filled from the articles (also the way back from contentless tables).</summary>
        internal static void Make(MigrationBuilder migrationBuilder)
        {
            // Two FTS5 tables: folded text to find (no accents, đ as d, which remove_diacritics leaves), and the text as
            // written to rank matches typed with accents first. MinistryNews.Core.Search.SearchIndex keeps them in step.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, people, countries, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE ArticleSearchExact USING fts5(title, body, people, countries, tokenize = 'unicode61 remove_diacritics 0');
                """);

            // The articles stored before: their text, people and countries (later ingestions rewrite each entry whole).
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearch (rowid, title, body, people, countries)
                SELECT a.Id,
                    replace(replace(a.Title, 'đ', 'd'), 'Đ', 'D'),
                    replace(replace(coalesce((SELECT group_concat(json_extract(b.value, '$.text'), char(10)) FROM json_each(a.Body) b), ''), 'đ', 'd'), 'Đ', 'D'),
                    replace(replace(coalesce((SELECT group_concat(p.Name, char(10)) FROM ArticlePeople m JOIN People p ON p.Id = m.PersonId WHERE m.ArticleId = a.Id), ''), 'đ', 'd'), 'Đ', 'D'),
                    coalesce((SELECT group_concat(c.Name, char(10)) FROM ArticleCountries ac JOIN Countries c ON c.Id = ac.CountriesId WHERE ac.ArticlesId = a.Id), '')
                FROM Articles a;
                INSERT INTO ArticleSearchExact (rowid, title, body, people, countries)
                SELECT a.Id, a.Title,
                    coalesce((SELECT group_concat(json_extract(b.value, '$.text'), char(10)) FROM json_each(a.Body) b), ''),
                    coalesce((SELECT group_concat(p.Name, char(10)) FROM ArticlePeople m JOIN People p ON p.Id = m.PersonId WHERE m.ArticleId = a.Id), ''),
                    coalesce((SELECT group_concat(c.Name, char(10)) FROM ArticleCountries ac JOIN Countries c ON c.Id = ac.CountriesId WHERE ac.ArticlesId = a.Id), '')
                FROM Articles a;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearchExact; DROP TABLE ArticleSearch;");
        }
    }
}
