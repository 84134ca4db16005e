using IkmCatalog.Certifications;

namespace IkmCatalog.Tests.Certifications;

public class CertificationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(CertificationType.Pirt, "2063573010123-26", true)]
    [InlineData(CertificationType.Pirt, "PIRT-123", false)]
    [InlineData(CertificationType.Bpom, "BPOM RI MD 234513001234", true)]
    [InlineData(CertificationType.Bpom, "MD 2345", false)]
    [InlineData(CertificationType.Halal, "ID35110000123450823", true)]
    [InlineData(CertificationType.Halal, "halal", false)]
    [InlineData(CertificationType.Sni, "SPPT-SNI 0123/LSPro/2025", true)]
    [InlineData(CertificationType.Sni, "SNI", false)]
    public void Certificate_numbers_are_checked_against_the_issuers_format(CertificationType type, string number, bool expected) =>
        Assert.Equal(expected, Certification.IsWellFormedNumber(type, number));

    [Fact]
    public void A_certificate_past_its_expiry_date_is_expired()
    {
        var certificate = new Certification { ExpiresOn = Today.AddDays(-1) };
        Assert.Equal(CertificationValidity.Expired, certificate.ValidityOn(Today));
        Assert.False(certificate.IsValidOn(Today));
    }

    [Fact]
    public void A_certificate_expiring_within_ninety_days_is_flagged()
    {
        Assert.Equal(CertificationValidity.ExpiringSoon, new Certification { ExpiresOn = Today.AddDays(30) }.ValidityOn(Today));
        Assert.Equal(CertificationValidity.Valid, new Certification { ExpiresOn = Today.AddDays(200) }.ValidityOn(Today));
    }

    [Fact]
    public void A_certificate_without_expiry_stays_valid() =>
        Assert.Equal(CertificationValidity.Valid, new Certification { ExpiresOn = null }.ValidityOn(Today));
}
