using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class ArticleKeysSourcesAndRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CounterpartOrganisation",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateSource",
                table: "Meetings",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateSource",
                table: "Delegations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Articles",
                type: "TEXT",
                maxLength: 160,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TextHash",
                table: "Articles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfficeId",
                table: "ArticlePeople",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounterpartOrganisation",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateSource",
                table: "Agreements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewsKind",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewsSignedOn",
                table: "Agreements",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", nullable: true),
                    CounterpartOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ValidFrom = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ValidTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementRecords_AgreementRecords_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "AgreementRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ArticleSources",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSources", x => x.Path);
                    table.ForeignKey(
                        name: "FK_ArticleSources_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Rank = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offices_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Offices_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AgreementRecordCountries",
                columns: table => new
                {
                    AgreementRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartCountriesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRecordCountries", x => new { x.AgreementRecordId, x.CounterpartCountriesId });
                    table.ForeignKey(
                        name: "FK_AgreementRecordCountries_AgreementRecords_AgreementRecordId",
                        column: x => x.AgreementRecordId,
                        principalTable: "AgreementRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementRecordCountries_Countries_CounterpartCountriesId",
                        column: x => x.CounterpartCountriesId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementRecordSignatories",
                columns: table => new
                {
                    AgreementRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignatoriesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRecordSignatories", x => new { x.AgreementRecordId, x.SignatoriesId });
                    table.ForeignKey(
                        name: "FK_AgreementRecordSignatories_AgreementRecords_AgreementRecordId",
                        column: x => x.AgreementRecordId,
                        principalTable: "AgreementRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementRecordSignatories_People_SignatoriesId",
                        column: x => x.SignatoriesId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Articles stored before keys existed keep their number as their key until they are read again, when the
            // writer gives each the key its file makes (and the old number goes on answering by redirect).
            migrationBuilder.Sql("""UPDATE "Articles" SET "Key" = CAST("Id" AS TEXT)""");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Key",
                table: "Articles",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TextHash",
                table: "Articles",
                column: "TextHash");

            migrationBuilder.CreateIndex(
                name: "IX_ArticlePeople_OfficeId",
                table: "ArticlePeople",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RecordId",
                table: "Agreements",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecordCountries_CounterpartCountriesId",
                table: "AgreementRecordCountries",
                column: "CounterpartCountriesId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecords_Key",
                table: "AgreementRecords",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecords_Kind",
                table: "AgreementRecords",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecords_PredecessorId",
                table: "AgreementRecords",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecords_SignedOn",
                table: "AgreementRecords",
                column: "SignedOn");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRecordSignatories_SignatoriesId",
                table: "AgreementRecordSignatories",
                column: "SignatoriesId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSources_ArticleId",
                table: "ArticleSources",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSources_Key",
                table: "ArticleSources",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offices_CountryId",
                table: "Offices",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Key",
                table: "Offices",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offices_OrganisationId",
                table: "Offices",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Slug",
                table: "Offices",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_AgreementRecords_RecordId",
                table: "Agreements",
                column: "RecordId",
                principalTable: "AgreementRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ArticlePeople_Offices_OfficeId",
                table: "ArticlePeople",
                column: "OfficeId",
                principalTable: "Offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_AgreementRecords_RecordId",
                table: "Agreements");

            migrationBuilder.DropForeignKey(
                name: "FK_ArticlePeople_Offices_OfficeId",
                table: "ArticlePeople");

            migrationBuilder.DropTable(
                name: "AgreementRecordCountries");

            migrationBuilder.DropTable(
                name: "AgreementRecordSignatories");

            migrationBuilder.DropTable(
                name: "ArticleSources");

            migrationBuilder.DropTable(
                name: "Offices");

            migrationBuilder.DropTable(
                name: "AgreementRecords");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Key",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TextHash",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_ArticlePeople_OfficeId",
                table: "ArticlePeople");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_RecordId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "CounterpartOrganisation",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DateSource",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DateSource",
                table: "Delegations");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TextHash",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "ArticlePeople");

            migrationBuilder.DropColumn(
                name: "CounterpartOrganisation",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "DateSource",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "RenewsKind",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "RenewsSignedOn",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Agreements");
        }
    }
}
