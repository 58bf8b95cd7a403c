using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.PortalStore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftsVersionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OrderDrafts_UserId_SubmittedOrderNumber_ModifiedOn",
                table: "OrderDrafts",
                columns: new[] { "UserId", "SubmittedOrderNumber", "ModifiedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderDrafts_UserId_SubmittedOrderNumber_ModifiedOn",
                table: "OrderDrafts");
        }
    }
}
