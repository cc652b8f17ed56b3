using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class StemmedSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A third full-text table holds each word by its stem, so "minister" finds "ministers" (see
            // MinistryNews.Core.Search.SearchIndex). The other two are contentless and cannot give their text back: the
            // entries are made from the articles that have one, as the writer makes them (the folded text, the people's
            // and the countries' names with their aliases).
            migrationBuilder.Sql(MinistryNews.Core.Search.SearchIndex.CreateStemmedTable);
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearchStemmed (rowid, title, body, people, countries)
                SELECT a.Id,
                    replace(replace(a.Title, 'đ', 'd'), 'Đ', 'D'),
                    replace(replace(coalesce((SELECT group_concat(json_extract(b.value, '$.text'), char(10)) FROM json_each(a.Body) b), ''), 'đ', 'd'), 'Đ', 'D'),
                    replace(replace(coalesce((SELECT group_concat(n, char(10)) FROM (
                        SELECT p.Name AS n FROM ArticlePeople m JOIN People p ON p.Id = m.PersonId WHERE m.ArticleId = a.Id
                        UNION SELECT j.value FROM ArticlePeople m JOIN People p ON p.Id = m.PersonId, json_each(p.Aliases) j WHERE m.ArticleId = a.Id)), ''), 'đ', 'd'), 'Đ', 'D'),
                    replace(replace(coalesce((SELECT group_concat(n, char(10)) FROM (
                        SELECT c.Name AS n FROM ArticleCountries l JOIN Countries c ON c.Id = l.CountriesId WHERE l.ArticlesId = a.Id
                        UNION SELECT j.value FROM ArticleCountries l JOIN Countries c ON c.Id = l.CountriesId, json_each(c.Aliases) j WHERE l.ArticlesId = a.Id)), ''), 'đ', 'd'), 'Đ', 'D')
                FROM Articles a
                WHERE a.Id IN (SELECT rowid FROM ArticleSearch);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearchStemmed;");
        }
    }
}
