using IkmCatalog.Data;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IkmCatalog.Tests.Media;

public sealed class MediaSignerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ikm-tests", "keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_and_kept_in_the_data_folder()
    {
        var paths = new DataPaths(_root);

        var first = MediaSigner.Create(new MediaOptions(), paths);
        var keyFile = Path.Combine(paths.Keys, MediaSigner.KeyFileName);
        var stored = File.ReadAllText(keyFile);
        var second = MediaSigner.Create(new MediaOptions(), paths);

        Assert.Equal(32, Convert.FromBase64String(stored).Length);
        Assert.Equal(first.Sign("/media/1/a.jpg?v=1&w=10"), second.Sign("/media/1/a.jpg?v=1&w=10"));
        Assert.Equal(stored, File.ReadAllText(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile)); // only the app's user reads it
        }
    }

    [Fact]
    public void A_configured_key_is_used_instead_and_signatures_from_another_key_fail()
    {
        var paths = new DataPaths(_root);
        var configured = MediaSigner.Create(new MediaOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, paths);
        var keyFileWritten = File.Exists(Path.Combine(paths.Keys, MediaSigner.KeyFileName));
        var generated = MediaSigner.Create(new MediaOptions(), paths);
        const string url = "/media/1/a.jpg?v=1&w=10";

        Assert.False(keyFileWritten);
        Assert.True(configured.Verify(url, configured.Sign(url)));
        Assert.False(configured.Verify(url, generated.Sign(url)));
    }

    [Fact]
    public void A_signature_covers_path_and_every_command()
    {
        var signer = new MediaSigner(new byte[32]);
        var signature = signer.Sign("/media/1/a.jpg?h=10&v=1&w=10");

        Assert.True(signer.Verify("/media/1/a.jpg?h=10&v=1&w=10", signature));
        Assert.False(signer.Verify("/media/1/a.jpg?h=10&v=1&w=11", signature));
        Assert.False(signer.Verify("/media/2/a.jpg?h=10&v=1&w=10", signature));
        Assert.False(signer.Verify("/media/1/b.jpg?h=10&v=1&w=10", signature));
        Assert.False(signer.Verify("/media/1/a.jpg?h=10&v=1&w=10", signature[..^1] + (signature[^1] == 'A' ? 'B' : 'A')));
        Assert.False(signer.Verify("/media/1/a.jpg?h=10&v=1&w=10", ""));
        Assert.False(signer.Verify("/media/1/a.jpg?h=10&v=1&w=10", null));
    }

    [Fact]
    public void Commands_are_normalised_so_order_case_and_defaults_do_not_matter()
    {
        static string Normalised(string query)
        {
            Assert.True(ImageCommand.TryParse(new QueryCollection(QueryHelpers(query)), out var command, out _), query);
            return command.Normalize();
        }

        Assert.Equal("fmt=webp&h=200&mode=crop&q=70&v=abc&w=300", Normalised("w=300&mode=CROP&h=200&v=abc&fmt=WebP&q=70"));
        Assert.Equal("v=abc&w=300", Normalised("mode=fit&w=300&v=abc"));
        Assert.Equal("fmt=jpeg&v=abc", Normalised("fmt=jpg&v=abc"));
    }

    [Theory]
    [InlineData("v=abc&w=0")]
    [InlineData("v=abc&w=-5")]
    [InlineData("v=abc&w=12px")]
    [InlineData("v=abc&w=100001")]
    [InlineData("v=abc&q=101")]
    [InlineData("v=abc&mode=stretch")]
    [InlineData("v=abc&fmt=gif")]
    [InlineData("v=abc&w=1&w=2")]
    [InlineData("v=abc&x=1")]
    [InlineData("v=../x&w=1")]
    [InlineData("w=100")]
    public void Malformed_or_unknown_commands_are_refused(string query)
    {
        Assert.False(ImageCommand.TryParse(new QueryCollection(QueryHelpers(query)), out _, out _));
    }

    private static Dictionary<string, StringValues> QueryHelpers(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(p => p[1])]));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
