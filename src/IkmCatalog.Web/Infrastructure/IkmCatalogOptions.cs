using System.ComponentModel.DataAnnotations;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>The "IkmCatalog" configuration section (environment: IkmCatalog__Key).</summary>
public sealed class IkmCatalogOptions
{
    public const string Section = "IkmCatalog";

    /// <summary>Folder for everything the application writes; relative paths start at the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>
    /// Folder for what every node must see, media originals and transfer receipts (a network share or shared disk
    /// mounted on each node); when empty, the data folder. Relative paths start at the content root.
    /// </summary>
    public string? SharedPath { get; set; }

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

    /// <summary>The office's contact details for the footer; what is left unset comes from the theme's theme.json.</summary>
    public OfficeOptions Office { get; set; } = new();

    /// <summary>The office's contact details as shown and used: these settings over the active theme's defaults.</summary>
    public OfficeOptions OfficeFor(Theming.ActiveTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return Office.Over(theme.Chain.Select(t => t.Office));
    }
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

public sealed class OfficeOptions
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    /// <summary>Telephone, as people write it (0341 123456, +62 …).</summary>
    public string? Phone { get; set; }

    /// <summary>WhatsApp number, as people write it (0812…, +62 812…).</summary>
    public string? WhatsApp { get; set; }

    public string? Email { get; set; }

    public string? HoursIndonesian { get; set; }

    public string? HoursEnglish { get; set; }

    /// <summary>Where the office's notifications go (new inquiries and orders, receipts, payments), or null when none is set.</summary>
    public string? NotificationEmail => Email is { Length: > 0 } email && email.Trim().Length > 0 ? email.Trim() : null;

    public string? Hours(string culture) => IkmCatalog.Content.Cultures.IsEnglish(culture) ? HoursEnglish : HoursIndonesian;

    /// <summary>
    /// These settings over the themes' defaults (most specific theme first): a field set here wins, an empty
    /// string hides the theme's value.
    /// </summary>
    public OfficeOptions Over(IEnumerable<IkmCatalog.Themes.ThemeOffice?> themes)
    {
        var defaults = themes.OfType<IkmCatalog.Themes.ThemeOffice>().ToList();
        string? Pick(string? configured, Func<IkmCatalog.Themes.ThemeOffice, string?> field) =>
            configured ?? defaults.Select(field).FirstOrDefault(v => v is not null);
        return new OfficeOptions
        {
            Name = Pick(Name, o => o.Name),
            Address = Pick(Address, o => o.Address),
            Phone = Pick(Phone, o => o.Phone),
            WhatsApp = Pick(WhatsApp, o => o.WhatsApp),
            Email = Pick(Email, o => o.Email),
            HoursIndonesian = Pick(HoursIndonesian, o => o.HoursIndonesian),
            HoursEnglish = Pick(HoursEnglish, o => o.HoursEnglish),
        };
    }
}
