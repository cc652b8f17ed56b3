using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinistryNews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AgreementRecordOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The register's date orders, undated last, on the same expressions as its queries (EF Core's model cannot
            // declare an index on an expression): /agreements sorted every record to show the first fifty.
            foreach (var sql in global::MinistryNews.Core.ListOrderIndexes.CreateRecordOrders())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::MinistryNews.Core.ListOrderIndexes.DropRecordOrders())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
