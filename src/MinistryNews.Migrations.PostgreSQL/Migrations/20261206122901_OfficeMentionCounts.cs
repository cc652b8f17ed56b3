using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class OfficeMentionCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MentionCount",
                table: "Offices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The counts of the offices of the archives stored before the column, as the registers count them after a batch.
            migrationBuilder.Sql(global::MinistryNews.Core.People.OfficeHoldings.FillMentionCounts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MentionCount",
                table: "Offices");
        }
    }
}
