namespace IkmCatalog.Producers;

/// <summary>
/// Links a buyer taps to reach a producer (or the office): WhatsApp click-to-chat, email and telephone.
/// Numbers are typed by editors in whatever form they know ("0812-3456-7890", "+62 812 …"); wa.me and tel:
/// want them in international form, so a number that cannot be read as one gets no link rather than a broken one.
/// </summary>
public static class ProducerContact
{
    private const string IndonesiaCode = "62";

    /// <summary>
    /// The number as international digits without "+" (6281234567890), or null when it is not a phone number.
    /// Indonesian numbers written nationally (0812…) or without the trunk zero (812…) get the country code 62.
    /// </summary>
    public static string? InternationalDigits(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var text = number.Trim();
        var international = text.StartsWith('+');
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in international ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }
        var result = digits.ToString();
        if (!international)
        {
            if (result.StartsWith("00", StringComparison.Ordinal))
            {
                result = result[2..];
            }
            else if (result.StartsWith('0'))
            {
                result = IndonesiaCode + result[1..];
            }
            else if (result.StartsWith('8'))
            {
                result = IndonesiaCode + result;
            }
        }
        // E.164: at most 15 digits; the shortest Indonesian numbers (62 + area code + 5 digits) have 9.
        return result.Length is >= 9 and <= 15 && result[0] != '0' ? result : null;
    }

    /// <summary>wa.me click-to-chat link with <paramref name="message"/> typed in, or null when the number is unusable.</summary>
    public static string? WhatsAppLink(string? number, string? message = null)
    {
        var digits = InternationalDigits(number);
        if (digits is null)
        {
            return null;
        }
        return string.IsNullOrEmpty(message)
            ? $"https://wa.me/{digits}"
            : $"https://wa.me/{digits}?text={Uri.EscapeDataString(message)}";
    }

    /// <summary>tel: link in international form, or null when the number is unusable.</summary>
    public static string? TelephoneLink(string? number) =>
        InternationalDigits(number) is { } digits ? $"tel:+{digits}" : null;

    /// <summary>mailto: link with a subject, or null when <paramref name="email"/> is not an address.</summary>
    public static string? EmailLink(string? email, string? subject = null)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.IndexOf('@', StringComparison.Ordinal) is <= 0 || address.EndsWith('@')
            || address.Any(c => char.IsWhiteSpace(c) || c is '?' or '&' or '<' or '>' or '"' or ','))
        {
            return null;
        }
        return string.IsNullOrEmpty(subject) ? $"mailto:{address}" : $"mailto:{address}?subject={Uri.EscapeDataString(subject)}";
    }
}
