using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationsAndPersonNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    KnownKey = table.Column<string>(type: "TEXT", nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: true),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PersonNameWords",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameWords", x => new { x.PersonId, x.Word });
                    table.ForeignKey(
                        name: "FK_PersonNameWords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleOrganisations",
                columns: table => new
                {
                    ArticlesId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleOrganisations", x => new { x.ArticlesId, x.OrganisationsId });
                    table.ForeignKey(
                        name: "FK_ArticleOrganisations_Articles_ArticlesId",
                        column: x => x.ArticlesId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleOrganisations_Organisations_OrganisationsId",
                        column: x => x.OrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleOrganisations_OrganisationsId",
                table: "ArticleOrganisations",
                column: "OrganisationsId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_CountryId",
                table: "Organisations",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_KnownKey",
                table: "Organisations",
                column: "KnownKey");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameKey_CountryId",
                table: "Organisations",
                columns: new[] { "NameKey", "CountryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Slug",
                table: "Organisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SuccessorId",
                table: "Organisations",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWords_Word",
                table: "PersonNameWords",
                column: "Word");

            // SQLite adds a column with its foreign key in place; EF's AddForeignKey would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE ArticlePeople ADD COLUMN OrganisationId INTEGER NULL REFERENCES Organisations (Id) ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_ArticlePeople_OrganisationId",
                table: "ArticlePeople",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ArticlePeople_Organisations_OrganisationId",
                table: "ArticlePeople");

            migrationBuilder.DropTable(
                name: "ArticleOrganisations");

            migrationBuilder.DropTable(
                name: "PersonNameWords");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_ArticlePeople_OrganisationId",
                table: "ArticlePeople");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "ArticlePeople");
        }
    }
}
