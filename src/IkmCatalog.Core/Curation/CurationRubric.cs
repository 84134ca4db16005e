using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Curation;

/// <summary>The rubric the office starts with, and the rules for editing it.</summary>
public static class CurationRubric
{
    public const int MinWeight = 1;
    public const int MaxWeight = 5;
    public const int MaxName = 120;
    public const int MaxGuidance = 1000;

    /// <summary>The five criteria of the office's curation form, each weighing the same.</summary>
    public static IReadOnlyList<CurationCriterion> Defaults() =>
    [
        Criterion("legality", 10,
            new("Legalitas dan sertifikasi", "Legality and certification"),
            new("NIB, PIRT/SPP-IRT atau izin edar BPOM, sertifikat halal dan SNI yang berlaku untuk produk ini; masa berlakunya.",
                "Business ID (NIB), PIRT/SPP-IRT or BPOM registration, halal and SNI certificates that apply to this product, and whether they are current.")),
        Criterion("quality", 20,
            new("Mutu produk", "Product quality"),
            new("Rasa, tekstur, bahan baku, kebersihan proses dan konsistensi dari satu produksi ke produksi berikutnya.",
                "Taste, texture, raw materials, hygiene of the process and consistency from one batch to the next.")),
        Criterion("packaging", 30,
            new("Kemasan dan label", "Packaging and label"),
            new("Kemasan melindungi produk dan menarik; label memuat nama, komposisi, berat bersih, tanggal kedaluwarsa, nomor izin dan alamat produsen.",
                "Packaging that protects and sells the product; a label with name, ingredients, net weight, expiry date, licence number and the producer's address.")),
        Criterion("capacity", 40,
            new("Kapasitas produksi", "Production capacity"),
            new("Jumlah yang dapat diproduksi per bulan, tenaga kerja, peralatan, dan kesanggupan memenuhi pesanan besar tepat waktu.",
                "How much can be made per month, workforce and equipment, and whether large orders can be met on time.")),
        Criterion("market", 50,
            new("Jangkauan pasar", "Market reach"),
            new("Di mana produk sudah dijual (lokal, antarprovinsi, daring, ekspor) dan kesiapan menghadapi pembeli baru.",
                "Where the product already sells (local, other provinces, online, export) and readiness for new buyers.")),
    ];

    /// <summary>
    /// Puts the default rubric in place when the office has none yet (a new database, or one from before curation
    /// existed); an office that has edited its rubric keeps it.
    /// </summary>
    public static async Task EnsureDefaultAsync(IkmDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.CurationCriteria.AnyAsync(cancellationToken))
        {
            return;
        }
        db.CurationCriteria.AddRange(Defaults());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment inserted them first (the keys are unique).
            db.ChangeTracker.Clear();
            if (!await db.CurationCriteria.AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private static CurationCriterion Criterion(string key, int order, LocalizedText name, LocalizedText guidance) =>
        new() { Key = key, SortOrder = order, Name = name, Guidance = guidance, Weight = 1, Active = true };
}
