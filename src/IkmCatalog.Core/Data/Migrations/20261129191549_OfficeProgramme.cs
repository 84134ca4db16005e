using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkmCatalog.Data.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistrationClosesAtUtc",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegistrationMode",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "Certifications",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RejectedAtUtc",
                table: "Certifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Reminder30SentOn",
                table: "Certifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Reminder90SentOn",
                table: "Certifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Certifications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProducerId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CurationCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Guidance_English = table.Column<string>(type: "TEXT", nullable: true),
                    Guidance_Indonesian = table.Column<string>(type: "TEXT", nullable: false),
                    Name_English = table.Column<string>(type: "TEXT", nullable: true),
                    Name_Indonesian = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurationCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CurationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name_English = table.Column<string>(type: "TEXT", nullable: true),
                    Name_Indonesian = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProducerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PromotedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttendanceBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OfficeComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProducerId = table.Column<int>(type: "INTEGER", nullable: true),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nib = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    KbliCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FoundedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Workforce = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    About = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProducerId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    CuratorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CuratorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ScanMediaId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PriceIdr = table.Column<long>(type: "INTEGER", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PhotoMediaId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
