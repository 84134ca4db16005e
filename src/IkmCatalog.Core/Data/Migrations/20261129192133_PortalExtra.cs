using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkmCatalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class PortalExtra : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProducerId",
                table: "InquiryMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InquiryMessages_ProducerId",
                table: "InquiryMessages",
                column: "ProducerId");

            migrationBuilder.AddForeignKey(
                name: "FK_InquiryMessages_Producers_ProducerId",
                table: "InquiryMessages",
                column: "ProducerId",
                principalTable: "Producers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InquiryMessages_Producers_ProducerId",
                table: "InquiryMessages");

            migrationBuilder.DropIndex(
                name: "IX_InquiryMessages_ProducerId",
                table: "InquiryMessages");

            migrationBuilder.DropColumn(
                name: "ProducerId",
                table: "InquiryMessages");
        }
    }
}
