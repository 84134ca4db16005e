using System.Buffers.Binary;

namespace IkmCatalog.Media;

/// <summary>The formats an upload may have, decided from its first bytes.</summary>
public enum SniffedType
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Pdf,
}

/// <summary>What the first bytes of a file say: its type and, for images, the pixel size the header declares.</summary>
public readonly record struct SniffResult(SniffedType Type, int Width, int Height)
{
    public bool IsImage => Type is SniffedType.Jpeg or SniffedType.Png or SniffedType.WebP;

    /// <summary>True when an image's header could not be read (no size, or a size of zero).</summary>
    public bool HeaderUnreadable => IsImage && (Width <= 0 || Height <= 0);

    public long Pixels => (long)Width * Height;

    public string ContentType => Type switch
    {
        SniffedType.Jpeg => "image/jpeg",
        SniffedType.Png => "image/png",
        SniffedType.WebP => "image/webp",
        SniffedType.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    public string Extension => Type switch
    {
        SniffedType.Jpeg => ".jpg",
        SniffedType.Png => ".png",
        SniffedType.WebP => ".webp",
        SniffedType.Pdf => ".pdf",
        _ => "",
    };
}

/// <summary>
/// Decides a file's type by its magic bytes and reads an image's declared size straight from the PNG IHDR, the
/// JPEG SOF or the WebP VP8/VP8L/VP8X header, before any decoder sees the file. A decompression bomb (a tiny file
/// declaring a gigantic canvas) is refused here without allocating for its pixels. Names and browser-sent
/// content types are never trusted: an HTML page called photo.jpg is just "unknown".
/// </summary>
public static class MediaSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffResult Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            var (w, h) = JpegSize(data);
            return new(SniffedType.Jpeg, w, h);
        }
        if (data.StartsWith(PngSignature))
        {
            var (w, h) = PngSize(data);
            return new(SniffedType.Png, w, h);
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            var (w, h) = WebPSize(data);
            return new(SniffedType.WebP, w, h);
        }
        if (data.StartsWith("%PDF-"u8))
        {
            return new(SniffedType.Pdf, 0, 0);
        }
        return new(SniffedType.Unknown, 0, 0);
    }

    private static (int Width, int Height) PngSize(ReadOnlySpan<byte> data)
    {
        // Signature, then the IHDR chunk must come first: length (13), "IHDR", width, height (big-endian).
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return (0, 0);
        }
        return (ToInt(BinaryPrimitives.ReadUInt32BigEndian(data[16..])), ToInt(BinaryPrimitives.ReadUInt32BigEndian(data[20..])));
    }

    private static (int Width, int Height) JpegSize(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return (0, 0);
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return (0, 0); // end of image or start of scan before any frame header
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (length < 2)
            {
                return (0, 0);
            }
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length)
                {
                    return (0, 0);
                }
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]));
            }
            i += 2 + length;
        }
        return (0, 0);
    }

    private static (int Width, int Height) WebPSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return (0, 0);
        }
        var chunk = data.Slice(12, 4);
        var payload = data[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (little-endian, 2 scale bits).
            if (payload.Length < 10 || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                return (0, 0);
            }
            return (BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then 14 bits width-1 and 14 bits height-1.
            if (payload.Length < 5 || payload[0] != 0x2F)
            {
                return (0, 0);
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (1 byte), reserved (3), canvas width-1 and height-1 (24 bits each, little-endian).
            if (payload.Length < 10)
            {
                return (0, 0);
            }
            return (Read24(payload[4..]) + 1, Read24(payload[7..]) + 1);
        }
        return (0, 0);
    }

    private static int Read24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static int ToInt(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
