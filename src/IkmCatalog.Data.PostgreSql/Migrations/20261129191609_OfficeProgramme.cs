using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IkmCatalog.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OfficeProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CuratedOn",
                table: "Products",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistrationClosesAtUtc",
                table: "Events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegistrationMode",
                table: "Events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "Certifications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RejectedAtUtc",
                table: "Certifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Reminder30SentOn",
                table: "Certifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Reminder90SentOn",
                table: "Certifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Certifications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProducerId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CurationCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Guidance_English = table.Column<string>(type: "text", nullable: true),
                    Guidance_Indonesian = table.Column<string>(type: "text", nullable: false),
                    Name_English = table.Column<string>(type: "text", nullable: true),
                    Name_Indonesian = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurationCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CurationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name_English = table.Column<string>(type: "text", nullable: true),
                    Name_Indonesian = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CurationRounds_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    ProducerId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PromotedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    AttendanceBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Producers_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProducerApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OfficeComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProducerId = table.Column<int>(type: "integer", nullable: true),
                    BusinessName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nib = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    KbliCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FoundedYear = table.Column<int>(type: "integer", nullable: true),
                    Workforce = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    About = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AddressHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProducerApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProducerApplications_Producers_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProducerApplications_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProducerStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProducerId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProducerStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProducerStatusChanges_Producers_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CurationAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    CuratorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CuratorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurationAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CurationAssessments_CurationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "CurationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CurationAssessments_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationCertificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ScanMediaId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationCertificates_Media_ScanMediaId",
                        column: x => x.ScanMediaId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ApplicationCertificates_ProducerApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ProducerApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationProducts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PriceIdr = table.Column<long>(type: "bigint", nullable: true),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PhotoMediaId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationProducts_Media_PhotoMediaId",
                        column: x => x.PhotoMediaId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ApplicationProducts_ProducerApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ProducerApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CurationScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurationScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CurationScores_CurationAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "CurationAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CurationScores_CurationCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CurationCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certifications_ExpiresOn",
                table: "Certifications",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProducerId",
                table: "AspNetUsers",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCertificates_ApplicationId",
                table: "ApplicationCertificates",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCertificates_ScanMediaId",
                table: "ApplicationCertificates",
                column: "ScanMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationProducts_ApplicationId",
                table: "ApplicationProducts",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationProducts_PhotoMediaId",
                table: "ApplicationProducts",
                column: "PhotoMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_CurationAssessments_ProductId_AssessedAtUtc",
                table: "CurationAssessments",
                columns: new[] { "ProductId", "AssessedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CurationAssessments_RoundId",
                table: "CurationAssessments",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_CurationCriteria_Key",
                table: "CurationCriteria",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CurationRounds_EventId",
                table: "CurationRounds",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_CurationScores_AssessmentId",
                table: "CurationScores",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CurationScores_CriterionId",
                table: "CurationScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Email",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Status_RegisteredAtUtc",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Status", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_ProducerId",
                table: "EventRegistrations",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_Token",
                table: "EventRegistrations",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_Email",
                table: "ProducerApplications",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_Nib",
                table: "ProducerApplications",
                column: "Nib");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_ProducerId",
                table: "ProducerApplications",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_Reference",
                table: "ProducerApplications",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_RegionId",
                table: "ProducerApplications",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_Status_SubmittedAtUtc",
                table: "ProducerApplications",
                columns: new[] { "Status", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProducerApplications_Token",
                table: "ProducerApplications",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProducerStatusChanges_ProducerId_AtUtc",
                table: "ProducerStatusChanges",
                columns: new[] { "ProducerId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Producers_ProducerId",
                table: "AspNetUsers",
                column: "ProducerId",
                principalTable: "Producers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Producers_ProducerId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ApplicationCertificates");

            migrationBuilder.DropTable(
                name: "ApplicationProducts");

            migrationBuilder.DropTable(
                name: "CurationScores");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "ProducerStatusChanges");

            migrationBuilder.DropTable(
                name: "ProducerApplications");

            migrationBuilder.DropTable(
                name: "CurationAssessments");

            migrationBuilder.DropTable(
                name: "CurationCriteria");

            migrationBuilder.DropTable(
                name: "CurationRounds");

            migrationBuilder.DropIndex(
                name: "IX_Certifications_ExpiresOn",
                table: "Certifications");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ProducerId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CuratedOn",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RegistrationClosesAtUtc",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RegistrationMode",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "RejectedAtUtc",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "Reminder30SentOn",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "Reminder90SentOn",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "ProducerId",
                table: "AspNetUsers");
        }
    }
}
