using System.Security.Cryptography;
using IkmCatalog.Backoffice;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Account;

/// <summary>
/// Makes a sign-in for an email without a usable account cost and answer what one for a real account would: the
/// password is hashed against a fixed hash made at start, and failures are counted per email so that the
/// <see cref="BackofficeOptions.MaxFailedSignIns"/>th locks that email for <see cref="BackofficeOptions.LockoutMinutes"/>,
/// as Identity locks a real account. Counts live in this node's memory: a restart forgets them, and several
/// nodes count separately.
/// </summary>
public sealed class UnknownAccountSignIns : IDisposable
{
    private static readonly Editor Nobody = new();

    // Its own cache with a size limit, so a flood of made-up emails cannot grow memory without bound.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly PasswordHasher<Editor> _hasher;
    private readonly string _fixedHash;
    private readonly BackofficeOptions _options;
    private readonly TimeProvider _clock;

    public UnknownAccountSignIns(IOptions<BackofficeOptions> options, IOptions<PasswordHasherOptions> hashing, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _hasher = new PasswordHasher<Editor>(hashing);
        _fixedHash = _hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    private TimeSpan LockoutTime => TimeSpan.FromMinutes(_options.LockoutMinutes);

    /// <summary>As long as checking a password against a real account's hash takes.</summary>
    public void SpendHashingTime(string password) => _hasher.VerifyHashedPassword(Nobody, _fixedHash, password ?? "");

    /// <summary>How long the email stays locked, or null when it is not.</summary>
    public TimeSpan? LockedFor(string email)
    {
        if (!_failures.TryGetValue(Key(email), out Failures? failures) || failures is null)
        {
            return null;
        }
        lock (failures)
        {
            var left = failures.LockedUntil - _clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>Counts a failed attempt; returns the lock time when this attempt locks the email.</summary>
    public TimeSpan? Fail(string email)
    {
        var failures = _failures.GetOrCreate(Key(email), entry =>
        {
            entry.Size = 1;
            return new Failures();
        })!;
        var now = _clock.GetUtcNow();
        lock (failures)
        {
            if (failures.LockedUntil != default && failures.LockedUntil <= now)
            {
                failures.LockedUntil = default; // a lockout that ended starts the count again, as Identity's does
            }
            failures.Count++;
            if (failures.Count < _options.MaxFailedSignIns)
            {
                // Forgotten after a quiet lockout period; a real account's count waits longer, but the answer is the same.
                _failures.Set(Key(email), failures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = LockoutTime });
                return null;
            }
            failures.Count = 0;
            failures.LockedUntil = now + LockoutTime;
            _failures.Set(Key(email), failures, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LockoutTime + TimeSpan.FromMinutes(1) });
            return LockoutTime;
        }
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(string email) => (email ?? "").Trim().ToUpperInvariant();

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
