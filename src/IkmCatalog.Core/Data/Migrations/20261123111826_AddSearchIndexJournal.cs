using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkmCatalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSearchIndexJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexJournal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexJournal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchNodes",
                columns: table => new
                {
                    NodeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastJournalId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RebuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchNodes", x => x.NodeName);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexJournal_CreatedAtUtc",
                table: "IndexJournal",
                column: "CreatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexJournal");

            migrationBuilder.DropTable(
                name: "SearchNodes");
        }
    }
}
