using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// A data protector for values made on every anonymous page view (antiforgery tokens, the form guard's stamps) that
/// costs one AES-GCM operation instead of one data-protection operation (a key derivation, a cipher set-up and random
/// bytes each time).
/// </summary>
/// <remarks>
/// Envelope encryption: each node makes a random 256-bit content key every hour and seals it once with the wrapped
/// data protector (the shared key ring, same purpose). A protected value is
/// <c>magic · sealed key length · sealed key · nonce · tag · ciphertext</c>, with a nonce made of a random per-key
/// prefix and a counter, so no nonce repeats under a key. Any node with the key ring unseals the content key (once, then
/// it is remembered) and decrypts; a value protected for another purpose or with other keys fails to unseal. Values
/// without the envelope's magic are handed to the wrapped protector, so values protected before still read.
/// </remarks>
public sealed class EnvelopeProtector : IDataProtector
{
    private static readonly byte[] Magic = "IKE1"u8.ToArray();
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int RecentKeys = 16;

    private readonly IDataProtector _sealer;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _keyLifetime;
    private readonly ContentKey?[] _recent = new ContentKey?[RecentKeys];
    private int _nextRecent;
    private ContentKey? _current;

    public EnvelopeProtector(IDataProtector sealer, TimeProvider clock, TimeSpan? keyLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        ArgumentNullException.ThrowIfNull(clock);
        _sealer = sealer;
        _clock = clock;
        _keyLifetime = keyLifetime ?? TimeSpan.FromHours(1);
    }

    public IDataProtector CreateProtector(string purpose) => new EnvelopeProtector(_sealer.CreateProtector(purpose), _clock, _keyLifetime);

    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = CurrentKey();
        var sealedLength = key.Sealed.Length;
        var output = new byte[Magic.Length + 2 + sealedLength + NonceLength + TagLength + plaintext.Length];
        var span = output.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[Magic.Length..], (ushort)sealedLength);
        var at = Magic.Length + 2;
        key.Sealed.CopyTo(span[at..]);
        at += sealedLength;
        var nonce = span.Slice(at, NonceLength);
        key.NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], (ulong)Interlocked.Increment(ref key.Counter));
        var tag = span.Slice(at + NonceLength, TagLength);
        var cipher = key.Rent();
        try
        {
            cipher.Encrypt(nonce, plaintext, span[(at + NonceLength + TagLength)..], tag);
        }
        finally
        {
            key.Return(cipher);
        }
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        var data = protectedData.AsSpan();
        if (!data.StartsWith(Magic))
        {
            return _sealer.Unprotect(protectedData); // protected before envelopes, by the key ring itself
        }
        if (data.Length < Magic.Length + 2)
        {
            throw new CryptographicException("The protected value is truncated.");
        }
        int sealedLength = BinaryPrimitives.ReadUInt16BigEndian(data[Magic.Length..]);
        var at = Magic.Length + 2;
        if (data.Length < at + sealedLength + NonceLength + TagLength)
        {
            throw new CryptographicException("The protected value is truncated.");
        }
        var key = KeyFor(protectedData.AsMemory(at, sealedLength));
        at += sealedLength;
        var plaintext = new byte[data.Length - at - NonceLength - TagLength];
        var cipher = key.Rent();
        try
        {
            // Throws AuthenticationTagMismatchException (a CryptographicException) when anything was changed.
            cipher.Decrypt(data.Slice(at, NonceLength), data[(at + NonceLength + TagLength)..], data.Slice(at + NonceLength, TagLength), plaintext);
        }
        finally
        {
            key.Return(cipher);
        }
        return plaintext;
    }

    private ContentKey CurrentKey()
    {
        var now = _clock.GetUtcNow();
        var key = Volatile.Read(ref _current);
        if (key is null || now >= key.ExpiresAt || now < key.ExpiresAt - _keyLifetime)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            key = new ContentKey(secret, _sealer.Protect(secret), RandomNumberGenerator.GetBytes(4), now + _keyLifetime);
            Volatile.Write(ref _current, key);
            Remember(key);
        }
        return key;
    }

    /// <summary>The content key sealed as <paramref name="sealedKey"/>: one this node made or met lately, else unsealed now.</summary>
    private ContentKey KeyFor(ReadOnlyMemory<byte> sealedKey)
    {
        var span = sealedKey.Span;
        if (Volatile.Read(ref _current) is { } current && span.SequenceEqual(current.Sealed))
        {
            return current;
        }
        foreach (var recent in _recent)
        {
            if (recent is not null && span.SequenceEqual(recent.Sealed))
            {
                return recent;
            }
        }
        var copy = span.ToArray();
        var secret = _sealer.Unprotect(copy);
        if (secret.Length != 32)
        {
            throw new CryptographicException("The sealed key has the wrong length.");
        }
        var key = new ContentKey(secret, copy, new byte[4], DateTimeOffset.MinValue);
        Remember(key);
        return key;
    }

    private void Remember(ContentKey key)
    {
        var slot = (int)((uint)Interlocked.Increment(ref _nextRecent) % RecentKeys);
        Volatile.Write(ref _recent[slot], key);
    }

    private sealed class ContentKey(byte[] secret, byte[] @sealed, byte[] noncePrefix, DateTimeOffset expiresAt)
    {
        private readonly ConcurrentBag<AesGcm> _ciphers = [];

        public long Counter;

        public byte[] Sealed { get; } = @sealed;

        public byte[] NoncePrefix { get; } = noncePrefix;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        /// <summary>A cipher of this key for one operation (an AES-GCM instance serves one thread at a time); give it back with <see cref="Return"/>.</summary>
        public AesGcm Rent() => _ciphers.TryTake(out var cipher) ? cipher : new AesGcm(secret, TagLength);

        public void Return(AesGcm cipher) => _ciphers.Add(cipher);
    }
}

/// <summary>
/// The application's data-protection provider with envelope protectors (<see cref="EnvelopeProtector"/>) for the
/// purposes whose values are made on every page view; every other purpose gets the key ring's own protector.
/// </summary>
public sealed class EnvelopeProtectionProvider(IDataProtectionProvider inner, TimeProvider clock, IReadOnlySet<string> envelopedPurposes)
    : IDataProtectionProvider
{
    /// <summary>The purpose ASP.NET Core's antiforgery protects its cookie and request tokens with.</summary>
    public const string AntiforgeryPurpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    private readonly ConcurrentDictionary<string, IDataProtector> _enveloped = new(StringComparer.Ordinal);

    public IDataProtector CreateProtector(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return envelopedPurposes.Contains(purpose)
            ? _enveloped.GetOrAdd(purpose, p => new EnvelopeProtector(inner.CreateProtector(p), clock))
            : inner.CreateProtector(purpose);
    }
}
