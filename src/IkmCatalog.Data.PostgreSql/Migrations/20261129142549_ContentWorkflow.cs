using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IkmCatalog.Data.PostgreSql.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alt_Indonesian",
                table: "ProductImages",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "CreatedBy",
                table: "ContentVersions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<int>(
                name: "Review",
                table: "ContentVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "ContentVersions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAtUtc",
                table: "ContentVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "ContentVersions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScheduledActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "CreatedBy",
                table: "ContentVersions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);
        }
    }
}
