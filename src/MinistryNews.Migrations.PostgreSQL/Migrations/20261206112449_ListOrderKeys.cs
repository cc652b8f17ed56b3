using Microsoft.EntityFrameworkCore.Migrations;
using MinistryNews.Core;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArticleCount",
                table: "People",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FirstCountryName",
                table: "Meetings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_ArticleCount_Name_Id",
                table: "People",
                columns: new[] { "ArticleCount", "Name", "Id" },
                descending: new[] { true, false, false });

            foreach (var sql in ListOrderIndexes.Fill(" COLLATE \"C\"").Concat(ListOrderIndexes.Create()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in ListOrderIndexes.Drop())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropIndex(
                name: "IX_People_ArticleCount_Name_Id",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ArticleCount",
                table: "People");

            migrationBuilder.DropColumn(
                name: "FirstCountryName",
                table: "Meetings");
        }
    }
}
