using IkmCatalog.Tests.Content;
using IkmCatalog.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IkmCatalog.Tests.Infrastructure;

public sealed class FormGuardTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));

    private FormGuard NewGuard(IDataProtectionProvider? keys = null) =>
        new(keys ?? new EphemeralDataProtectionProvider(), _clock, Microsoft.Extensions.Options.Options.Create(new SpamOptions { MinFillSeconds = 3, MaxFormAgeHours = 24 }));

    private static FormCollection Form(string? stamp, string? honeypot = null)
    {
        var fields = new Dictionary<string, StringValues> { ["name"] = "Sri" };
        if (stamp is not null)
        {
            fields[FormGuard.StampField] = stamp;
        }
        if (honeypot is not null)
        {
            fields[FormGuard.HoneypotField] = honeypot;
        }
        return new FormCollection(fields);
    }

    [Fact]
    public void A_form_filled_at_a_persons_pace_is_accepted()
    {
        var guard = NewGuard();
        var stamp = guard.NewStamp();
        _clock.Now = _clock.Now.AddSeconds(20);
        Assert.Equal(GuardVerdict.Accepted, guard.Check(Form(stamp)));
    }

    [Fact]
    public void A_form_sent_faster_than_a_person_types_is_refused()
    {
        var guard = NewGuard();
        var stamp = guard.NewStamp();
        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.Equal(GuardVerdict.TooFast, guard.Check(Form(stamp)));
    }

    [Fact]
    public void A_filled_honeypot_is_refused_even_with_a_good_stamp()
    {
        var guard = NewGuard();
        var stamp = guard.NewStamp();
        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.Equal(GuardVerdict.Honeypot, guard.Check(Form(stamp, honeypot: "http://spam.example")));
    }

    [Fact]
    public void Missing_forged_foreign_and_old_stamps_are_stale()
    {
        var guard = NewGuard();
        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.Equal(GuardVerdict.Stale, guard.Check(Form(null)));
        Assert.Equal(GuardVerdict.Stale, guard.Check(Form("638999999999999999")));
        // A stamp signed with other keys (another site, or keys since rotated away).
        var foreign = NewGuard(new EphemeralDataProtectionProvider()).NewStamp();
        Assert.Equal(GuardVerdict.Stale, guard.Check(Form(foreign)));
        var old = guard.NewStamp();
        _clock.Now = _clock.Now.AddHours(25);
        Assert.Equal(GuardVerdict.Stale, guard.Check(Form(old)));
    }

    [Fact]
    public void Stamps_made_in_the_same_tick_differ_and_each_is_accepted()
    {
        var guard = NewGuard();
        var first = guard.NewStamp();
        var second = guard.NewStamp();
        Assert.NotEqual(first, second);
        _clock.Now = _clock.Now.AddSeconds(20);
        Assert.Equal(GuardVerdict.Accepted, guard.Check(Form(first)));
        Assert.Equal(GuardVerdict.Accepted, guard.Check(Form(second)));
    }

    [Fact]
    public void A_changed_stamp_is_stale_and_an_unchanged_one_reads_on_another_node_after_a_key_change()
    {
        var keys = new EphemeralDataProtectionProvider();
        var guard = NewGuard(keys);
        var stamp = guard.NewStamp();
        _clock.Now = _clock.Now.AddHours(2); // this node has made a new content key since
        var fresh = guard.NewStamp();
        Assert.NotEqual(stamp[..40], fresh[..40]);
        var otherNode = NewGuard(keys); // same key ring, has never seen either content key
        _clock.Now = _clock.Now.AddMinutes(1);
        Assert.Equal(GuardVerdict.Accepted, otherNode.Check(Form(stamp)));
        Assert.Equal(GuardVerdict.Accepted, otherNode.Check(Form(fresh)));

        // Any changed byte (the signed time, the nonce, the sealed key) breaks the seal.
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(fresh);
        foreach (var at in new[] { bytes.Length - 1, bytes.Length - 20, 10 })
        {
            var changed = (byte[])bytes.Clone();
            changed[at] ^= 1;
            Assert.Equal(GuardVerdict.Stale, otherNode.Check(Form(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(changed))));
        }
        Assert.Equal(GuardVerdict.Stale, otherNode.Check(Form(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes[..30]))));
    }

    [Fact]
    public void A_stamp_sealed_by_the_key_ring_before_envelopes_is_still_accepted()
    {
        var keys = new EphemeralDataProtectionProvider();
        var shown = _clock.Now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var legacy = keys.CreateProtector("IkmCatalog.FormGuard.v1").Protect(shown);
        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.Equal(GuardVerdict.Accepted, NewGuard(keys).Check(Form(legacy)));
    }

    [Theory]
    [InlineData(GuardVerdict.Honeypot)]
    [InlineData(GuardVerdict.TooFast)]
    [InlineData(GuardVerdict.Stale)]
    public void Every_refusal_has_a_message_in_both_languages(GuardVerdict verdict)
    {
        var strings = new IkmCatalog.Web.Localization.UiStrings();
        foreach (var culture in IkmCatalog.Content.Cultures.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(strings.Find(culture, FormGuard.MessageKey(verdict))));
            Assert.False(string.IsNullOrWhiteSpace(strings.Find(culture, FormGuard.TooManyKey)));
        }
    }
}
