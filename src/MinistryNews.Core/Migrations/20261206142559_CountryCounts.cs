using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Core.Migrations
{
    /// <inheritdoc />
    public partial class CountryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementMentionCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ArticleCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MeetingCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TripCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VisitsHostedCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VisitsMadeCount",
                table: "Countries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The counts of the countries of the archives stored before the columns, as the registers count them after a batch.
            migrationBuilder.Sql(global::MinistryNews.Core.Countries.CountryCounts.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementMentionCount",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "ArticleCount",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "MeetingCount",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "TripCount",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "VisitsHostedCount",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "VisitsMadeCount",
                table: "Countries");
        }
    }
}
