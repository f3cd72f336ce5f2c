using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SesFeedback.Mailing;

/// <summary>
/// The key of the mailing table: one mailbox, never another. Rule (RFC 5322 section 3.4): a string is either an
/// addr-spec, kept whole, or a real trailing <c>display-name &lt;addr-spec&gt;</c> (the only angle brackets outside
/// quoted strings, the <c>&gt;</c> last), which is unwrapped. Anything else is refused with a reason: brackets
/// elsewhere, comments, more than one address, invisible format characters, broken UTF-16. Only ASCII letters are
/// lower-cased (RFC 5321 domains are ASCII-case-insensitive, and SES's own suppression list treats local parts the
/// same); other characters are kept exactly as sent, with no Unicode normalisation, because every normalisation form
/// maps some characters to others (U+212A KELVIN SIGN to K, even under NFC), which would let one mailbox's
/// complaint suppress another. Provider aliases (dots, +tags) are not folded either: they can be distinct mailboxes.
/// </summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path: 254 usable octets (UTF-8).</summary>
    public const int MaxLength = 254;

    /// <summary>Longest input read at all, display name included; longer strings are refused unread.</summary>
    public const int MaxInputLength = 1024;

    public static bool TryNormalize(string? raw, out string address) => TryNormalize(raw, out address, out _);

    /// <summary>The key for <paramref name="raw"/>, or false and a sentence saying why it is refused.</summary>
    public static bool TryNormalize(string? raw, out string address, [NotNullWhen(false)] out string? refusal)
    {
        address = "";
        refusal = AddressReader.Read(raw, out var addrSpec);
        if (refusal is not null)
        {
            return false;
        }

        address = LowerAscii(addrSpec);
        return true;
    }

    private static string LowerAscii(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }
}
