using System.Security.Cryptography;
using IkmCatalog.Tests.Content;
using IkmCatalog.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace IkmCatalog.Tests.Infrastructure;

public sealed class EnvelopeProtectorTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keyRing = new();

    private EnvelopeProtector New(string purpose = "tests.envelope", IDataProtectionProvider? keyRing = null) =>
        new((keyRing ?? _keyRing).CreateProtector(purpose), _clock);

    [Fact]
    public void A_value_reads_back_on_another_node_and_each_protection_differs()
    {
        var node = New();
        var value = "ikm-17"u8.ToArray();
        var first = node.Protect(value);
        var second = node.Protect(value);
        Assert.NotEqual(first, second);
        Assert.True(first.AsSpan().StartsWith("IKE1"u8));
        Assert.Equal(value, New().Unprotect(first)); // same key ring, a node that never saw the content key
        Assert.Equal(value, node.Unprotect(second));
        Assert.Empty(node.Unprotect(node.Protect([])));
    }

    [Fact]
    public void Another_purpose_or_another_key_ring_cannot_read_it()
    {
        var protectedValue = New().Protect("rahasia"u8.ToArray());
        Assert.ThrowsAny<CryptographicException>(() => New("tests.other").Unprotect(protectedValue));
        Assert.ThrowsAny<CryptographicException>(() => New(keyRing: new EphemeralDataProtectionProvider()).Unprotect(protectedValue));
    }

    [Fact]
    public void Any_changed_or_missing_byte_is_refused()
    {
        var node = New();
        var protectedValue = node.Protect("Rp 25.000"u8.ToArray());
        for (var at = 0; at < protectedValue.Length; at++)
        {
            var changed = (byte[])protectedValue.Clone();
            changed[at] ^= 0x20;
            Assert.ThrowsAny<CryptographicException>(() => New().Unprotect(changed));
        }
        foreach (var length in new[] { 3, 5, 40, protectedValue.Length - 1 })
        {
            Assert.ThrowsAny<CryptographicException>(() => New().Unprotect(protectedValue[..length]));
        }
    }

    [Fact]
    public void A_new_content_key_comes_each_hour_and_values_under_the_old_one_still_read()
    {
        var node = New();
        var before = node.Protect([1, 2, 3]);
        _clock.Now = _clock.Now.AddMinutes(61);
        var after = node.Protect([1, 2, 3]);
        // The sealed content key follows the 4-byte magic and 2-byte length.
        Assert.False(before.AsSpan(6, 40).SequenceEqual(after.AsSpan(6, 40)));
        Assert.Equal(new byte[] { 1, 2, 3 }, node.Unprotect(before));
        Assert.Equal(new byte[] { 1, 2, 3 }, New().Unprotect(after));
    }

    [Fact]
    public void A_value_the_key_ring_protected_itself_still_reads()
    {
        var legacy = _keyRing.CreateProtector("tests.envelope").Protect("lama"u8.ToArray());
        Assert.Equal("lama"u8.ToArray(), New().Unprotect(legacy));
    }

    [Fact]
    public void Only_the_antiforgery_purpose_is_enveloped_by_the_provider()
    {
        var provider = new EnvelopeProtectionProvider(_keyRing, _clock, new HashSet<string> { EnvelopeProtectionProvider.AntiforgeryPurpose });
        Assert.IsType<EnvelopeProtector>(provider.CreateProtector(EnvelopeProtectionProvider.AntiforgeryPurpose));
        var cookies = provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies");
        Assert.IsNotType<EnvelopeProtector>(cookies);
        Assert.Equal([7], _keyRing.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies").Unprotect(cookies.Protect([7])));
    }
}
