using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.PortalStore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusMails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MailCulture",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WantsStatusMails",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PortalOrderWatches",
                columns: table => new
                {
                    SalesOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedReceiptDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedReceiptDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WasLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModifiedOn = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalOrderWatches", x => x.SalesOrderId);
                });

            migrationBuilder.CreateTable(
                name: "PortalStatusMailOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalStatusMailOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalStatusMailOutbox_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalStatusMailState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkModifiedOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkSalesOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BaselineDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaseHolder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalStatusMailState", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PortalStatusMailState",
                columns: new[] { "Id", "BaselineDone", "LeaseExpiresAt", "LeaseHolder", "MarkModifiedOn", "MarkSalesOrderId" },
                values: new object[] { 1, false, null, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_PortalOrderWatches_WasLate_Status",
                table: "PortalOrderWatches",
                columns: new[] { "WasLate", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalStatusMailOutbox_CreatedAt",
                table: "PortalStatusMailOutbox",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PortalStatusMailOutbox_UserId",
                table: "PortalStatusMailOutbox",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalOrderWatches");

            migrationBuilder.DropTable(
                name: "PortalStatusMailOutbox");

            migrationBuilder.DropTable(
                name: "PortalStatusMailState");

            migrationBuilder.DropColumn(
                name: "MailCulture",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WantsStatusMails",
                table: "AspNetUsers");
        }
    }
}
