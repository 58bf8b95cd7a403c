using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.PortalStore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvitationLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "PortalInvitations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Culture",
                table: "PortalInvitations");
        }
    }
}
