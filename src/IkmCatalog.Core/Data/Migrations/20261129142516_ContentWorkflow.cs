using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkmCatalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Alt_English",
                table: "ProductImages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alt_Indonesian",
                table: "ProductImages",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Review",
                table: "ContentVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "ContentVersions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAtUtc",
                table: "ContentVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "ContentVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScheduledActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledActions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_State_Review",
                table: "ContentVersions",
                columns: new[] { "State", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledActions_CompletedAtUtc_DueAtUtc",
                table: "ScheduledActions",
                columns: new[] { "CompletedAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledActions_DocumentType_DocumentId",
                table: "ScheduledActions",
                columns: new[] { "DocumentType", "DocumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledActions");

            migrationBuilder.DropIndex(
                name: "IX_ContentVersions_State_Review",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "Alt_English",
                table: "ProductImages");

            migrationBuilder.DropColumn(
                name: "Alt_Indonesian",
                table: "ProductImages");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedAtUtc",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "ContentVersions");
        }
    }
}
