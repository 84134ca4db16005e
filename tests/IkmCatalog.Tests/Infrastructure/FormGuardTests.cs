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
