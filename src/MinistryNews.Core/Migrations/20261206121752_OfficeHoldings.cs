using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class OfficeHoldings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfficeHoldings",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    First = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Last = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeHoldings", x => new { x.OfficeId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_OfficeHoldings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfficeHoldings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeHoldings_OfficeId_Last_PersonId",
                table: "OfficeHoldings",
                columns: new[] { "OfficeId", "Last", "PersonId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeHoldings_PersonId",
                table: "OfficeHoldings",
                column: "PersonId");

            // The holders of the offices of the archives stored before the table, as the registers find them after a batch.
            migrationBuilder.Sql(global::MinistryNews.Core.People.OfficeHoldings.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfficeHoldings");
        }
    }
}
