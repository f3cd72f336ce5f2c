namespace IotRegistry.Input;

/// <summary>
/// A deliberately plain e-mail check: the dot-atom form of RFC 5322 section 3.4.1 for the local part (no quoted
/// strings, no comments), a DNS host name of at least two labels with an alphabetic top label for the domain, and
/// the length limits of RFC 5321 section 4.5.3.1 (local part 64, whole path 254). Addresses outside this subset are
/// refused rather than guessed at; the owner address is later used to reach a person.
/// </summary>
internal static class EmailAddressRule
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    public static bool IsValid(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (address.Length > MaxLength || at <= 0 || at != address.LastIndexOf('@'))
        {
            return false;
        }

        return IsValidLocalPart(address.AsSpan(0, at)) && IsValidDomain(address.AsSpan(at + 1));
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length is 0 or > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !LocalSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var lastLabelAlphabetic = false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
            lastLabelAlphabetic = label.Length >= 2 && IsAllAsciiLetters(label);
        }

        return labels >= 2 && lastLabelAlphabetic;
    }

    private static bool IsAllAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
