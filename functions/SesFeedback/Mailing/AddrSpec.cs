using System.Text;

namespace SesFeedback.Mailing;

/// <summary>
/// RFC 5322 section 3.4.1 <c>addr-spec = local-part "@" domain</c>, without the obsolete forms and without
/// comments: the local part is a dot-atom or a quoted string, the domain a dot-atom of letters, digits and
/// hyphens. Non-ASCII characters are allowed where RFC 6532 allows them (atext, qtext, U-labels).
/// </summary>
internal static class AddrSpec
{
    public static string? Check(string spec)
    {
        if (spec.Length == 0)
        {
            return "the angle brackets are empty";
        }

        if (Encoding.UTF8.GetByteCount(spec) > EmailAddress.MaxLength)
        {
            return $"the address is longer than the {EmailAddress.MaxLength} octets RFC 5321 allows";
        }

        if (spec.Contains('\t', StringComparison.Ordinal))
        {
            return "the address holds a tab";
        }

        var at = spec[0] == '"' ? EndOfQuotedLocalPart(spec) : spec.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at >= spec.Length || spec[at] != '@')
        {
            return "the address has no local part followed by '@'";
        }

        if (spec[0] != '"' && !IsDotAtom(spec.AsSpan(0, at), IsAtext))
        {
            return "the local part is neither a dot-atom nor a quoted string";
        }

        var domain = spec.AsSpan(at + 1);
        if (domain.IsEmpty)
        {
            return "the address has no domain";
        }

        return IsDotAtom(domain, IsDomainCharacter) ? null : "the domain is not a dot-separated name of letters, digits and hyphens";
    }

    /// <summary>RFC 5322 atext, plus every non-ASCII character (RFC 6532 section 3.2).</summary>
    public static bool IsAtext(char c) =>
        c > 127 || char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);

    private static bool IsDomainCharacter(char c) => c > 127 || char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>The index just after a quoted local part's closing quote (where '@' must be), or -1.</summary>
    private static int EndOfQuotedLocalPart(string spec)
    {
        for (var i = 1; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c == '\\')
            {
                // quoted-pair: a backslash escapes one visible character or a space/tab.
                if (i + 1 >= spec.Length || char.IsControl(spec[i + 1]) && spec[i + 1] != '\t')
                {
                    return -1;
                }

                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsDotAtom(ReadOnlySpan<char> text, Func<char, bool> allowed)
    {
        if (text.IsEmpty || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' ? text[i - 1] == '.' : !allowed(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
