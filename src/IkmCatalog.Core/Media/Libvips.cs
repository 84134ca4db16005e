namespace IkmCatalog.Media;

/// <summary>
/// Process-wide libvips settings, applied once before anything opens an image. Uploads are hostile until proven
/// otherwise: only the JPEG, PNG and WebP loaders may run (no PDF, SVG, TIFF, ImageMagick, matrix or .v loaders,
/// whatever a file's bytes claim), untrusted operations are blocked, and libvips' operation cache is off because
/// variants are cached on disk and a cached operation would keep originals (and their memory) alive.
/// </summary>
public static class Libvips
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        NetVips.NetVips.BlockUntrusted = true;
        NetVips.Operation.Block("VipsForeignLoad", true);
        NetVips.Operation.Block("VipsForeignLoadJpeg", false);
        NetVips.Operation.Block("VipsForeignLoadPng", false);
        NetVips.Operation.Block("VipsForeignLoadWebp", false);
        NetVips.Cache.Max = 0;
        return true;
    });

    public static void Harden() => _ = Applied.Value;
}
