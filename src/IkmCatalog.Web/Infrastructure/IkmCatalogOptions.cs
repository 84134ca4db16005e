using System.ComponentModel.DataAnnotations;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>The "IkmCatalog" configuration section (environment: IkmCatalog__Key).</summary>
public sealed class IkmCatalogOptions
{
    public const string Section = "IkmCatalog";

    /// <summary>Folder for everything the application writes; relative paths start at the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Active theme: a folder of themes/ holding a theme.json.</summary>
    [Required]
    public string Theme { get; set; } = "default";

    public string SiteName { get; set; } = "Etalase IKM";

    /// <summary>The office's time zone (IANA id): schedules are typed and shown in it, "today" is its date.</summary>
    [Required]
    public string TimeZone { get; set; } = IkmCatalog.Content.OfficeTime.DefaultZone;

    /// <summary>Absolute base URL used in canonical links and the sitemap when set (e.g. https://ikm.example.go.id).</summary>
    public string? PublicBaseUrl { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SeedOptions Seed { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded default) or PostgreSQL (with ConnectionStrings:IkmCatalog).</summary>
    public string Provider { get; set; } = "Sqlite";
}

public sealed class SeedOptions
{
    /// <summary>Import the demo content on the first start of an empty database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder with the demo content; when empty, the nearest media-seed/ above the content root.</summary>
    public string? Path { get; set; }
}
