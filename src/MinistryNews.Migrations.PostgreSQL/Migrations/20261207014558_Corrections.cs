using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionId",
                table: "Delegations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Corrected",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnByEditors",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionId",
                table: "Agreements",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EditorId = table.Column<string>(type: "text", nullable: true),
                    EditorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MadeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StateNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StateChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Fact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CorrectionId = table.Column<int>(type: "integer", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.DropColumn(
                name: "CorrectionId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CorrectionId",
                table: "Delegations");

            migrationBuilder.DropColumn(
                name: "Corrected",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "WithdrawnByEditors",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionId",
                table: "Agreements");
        }
    }
}
