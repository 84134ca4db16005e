using System.Security.Cryptography;
using System.Text;
using IkmCatalog.Data;

namespace IkmCatalog.Web.Media;

/// <summary>
/// Signs image URLs (HMAC-SHA256 over the path and the normalised commands) so that only sizes the site itself
/// asked for are ever produced: an attacker cannot make the server render thousands of variants.
/// </summary>
public sealed class MediaSigner
{
    public const string KeyFileName = "media-signing.key";

    private readonly byte[] _key;

    public MediaSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The media signing key must have at least 32 bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>The configured key, else the one kept in the data folder, else a new random one written there.</summary>
    public static MediaSigner Create(MediaOptions options, DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return new MediaSigner(DecodeConfiguredKey(options.SigningKey));
        }
        var path = Path.Combine(paths.Keys, KeyFileName);
        return new MediaSigner(LoadOrCreateKeyFile(path));
    }

    /// <summary>
    /// Why this node is one of several (so every node must sign image URLs with the same configured key), or null for
    /// a single node: IkmCatalog:Nodes:Expected above 1, or IkmCatalog:SharedPath set (a store shared with other nodes).
    /// </summary>
    public static string? SeveralNodes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (int.TryParse(configuration["IkmCatalog:Nodes:Expected"], System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var expected) && expected > 1)
        {
            return $"IkmCatalog:Nodes:Expected is {expected}";
        }
        return string.IsNullOrWhiteSpace(configuration["IkmCatalog:SharedPath"]) ? null : "IkmCatalog:SharedPath is set";
    }

    public static string KeyRequiredMessage(string? reason) =>
        $"IkmCatalog:Media:SigningKey must be set when several nodes serve the site ({reason}): each node would otherwise "
        + "sign image URLs with a key of its own and refuse the others' URLs. Give every node the same key, e.g. the output "
        + "of `openssl rand -base64 32` in the environment variable IkmCatalog__Media__SigningKey.";

    /// <summary>Entries the signature memo holds before it starts over.</summary>
    private const int MemoEntries = 50_000;

    /// <summary>
    /// Signatures already computed: a page signs every image width of every card it shows, the same URLs on every
    /// render, and an HMAC costs more than the rest of the image tag.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _signatures = new(StringComparer.Ordinal);

    public string Sign(string pathAndCommands)
    {
        ArgumentNullException.ThrowIfNull(pathAndCommands);
        if (_signatures.TryGetValue(pathAndCommands, out var known))
        {
            return known;
        }
        var signature = Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(pathAndCommands)));
        if (_signatures.Count >= MemoEntries)
        {
            _signatures.Clear();
        }
        _signatures.TryAdd(pathAndCommands, signature);
        return signature;
    }

    /// <summary>Constant-time comparison, so timing tells nothing about a near-miss signature.</summary>
    public bool Verify(string pathAndCommands, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 43)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(pathAndCommands), expected);
        Span<byte> given = stackalloc byte[33];
        return TryDecodeBase64Url(signature, given, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given[..32]);
    }

    private static byte[] DecodeConfiguredKey(string configured)
    {
        // Base64 of 32+ random bytes is what `openssl rand -base64 32` gives; any other long string is used as it is.
        try
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length >= 32)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }
        return Encoding.UTF8.GetBytes(configured);
    }

    private static byte[] LoadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return ReadKeyFile(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            // Never overwrite: when two processes start together, the first key written wins and both use it.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return ReadKeyFile(path);
        }
    }

    private static byte[] ReadKeyFile(string path)
    {
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length >= 32 ? key : throw new InvalidOperationException($"The media signing key in {path} is shorter than 32 bytes.");
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeBase64Url(string value, Span<byte> destination, out int written)
    {
        Span<char> chars = stackalloc char[44];
        for (var i = 0; i < value.Length; i++)
        {
            chars[i] = value[i] switch { '-' => '+', '_' => '/', var c => c };
        }
        chars[43] = '=';
        return Convert.TryFromBase64Chars(chars, destination, out written);
    }
}
