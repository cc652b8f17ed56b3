using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CorrectionId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionId",
                table: "Delegations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Corrected",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnByEditors",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EditorId = table.Column<string>(type: "TEXT", nullable: true),
                    EditorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MadeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StateChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Corrections_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MistakeReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CorrectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MistakeReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MistakeReports_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MistakeReports_Corrections_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "Corrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_ArticleId_Id",
                table: "Corrections",
                columns: new[] { "ArticleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_Kind_State",
                table: "Corrections",
                columns: new[] { "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_State",
                table: "Corrections",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_MistakeReports_ArticleId",
                table: "MistakeReports",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_MistakeReports_CorrectionId",
                table: "MistakeReports",
                column: "CorrectionId");

            migrationBuilder.CreateIndex(
                name: "IX_MistakeReports_State_FiledAtUtc",
                table: "MistakeReports",
                columns: new[] { "State", "FiledAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MistakeReports");

            migrationBuilder.DropTable(
                name: "Corrections");

            // In place (SQLite 3.35): EF Core would make each table again, without the indexes on expressions the model
            // does not know (ListOrderIndexes).
            migrationBuilder.Sql("""ALTER TABLE "Meetings" DROP COLUMN "CorrectionId";""");
            migrationBuilder.Sql("""ALTER TABLE "Delegations" DROP COLUMN "CorrectionId";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN "Corrected";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN "WithdrawnByEditors";""");
            migrationBuilder.Sql("""ALTER TABLE "Agreements" DROP COLUMN "CorrectionId";""");
        }
    }
}
