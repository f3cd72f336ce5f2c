using System.Globalization;
using System.Text;

namespace SesFeedback.Mailing;

/// <summary>
/// Reads one mailbox (RFC 5322 section 3.4: <c>name-addr / addr-spec</c>) strictly. Angle brackets count only
/// outside quoted strings; comments are refused rather than stripped, so no second reading of the string can
/// differ from this one. Returns null and the addr-spec, or a refusal sentence.
/// </summary>
internal static class AddressReader
{
    public static string? Read(string? raw, out string addrSpec)
    {
        addrSpec = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "the address is empty";
        }

        if (raw.Length > EmailAddress.MaxInputLength)
        {
            return $"the address is longer than {EmailAddress.MaxInputLength} characters";
        }

        var text = raw.Trim(' ', '\t');
        if (CheckCharacters(text) is { } bad)
        {
            return bad;
        }

        if (Scan(text, out var open, out var close) is { } unbalanced)
        {
            return unbalanced;
        }

        if (open < 0 && close < 0)
        {
            addrSpec = text;
        }
        else
        {
            if (open < 0 || close < 0 || close != text.Length - 1)
            {
                return "angle brackets are not a trailing display-name <addr-spec> (RFC 5322 name-addr)";
            }

            if (CheckDisplayName(text.AsSpan(0, open)) is { } badName)
            {
                return badName;
            }

            addrSpec = text[(open + 1)..close];
        }

        return AddrSpec.Check(addrSpec);
    }

    /// <summary>Refuses what no mailbox holds: broken UTF-16, control, invisible format and line-separator characters.</summary>
    private static string? CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return "the address holds broken UTF-16 (a lone surrogate)";
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value != '\t' && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"the address holds an invisible or control character (U+{rune.Value:X4})";
            }

            i += used;
        }

        return null;
    }

    /// <summary>
    /// Finds the angle brackets outside quoted strings. More than one of either, a <c>&gt;</c> before the
    /// <c>&lt;</c>, a comment or an unterminated quoted string is refused.
    /// </summary>
    private static string? Scan(string text, out int open, out int close)
    {
        open = -1;
        close = -1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '(' or ')':
                    return "the address holds a comment in parentheses; comments are refused, not stripped";
                case '<' when open >= 0:
                case '>' when close >= 0:
                    return "the address holds more than one pair of angle brackets";
                case '<':
                    open = i;
                    break;
                case '>' when open < 0:
                    return "the address holds a '>' without a '<' before it";
                case '>':
                    close = i;
                    break;
            }
        }

        return quoted ? "the address has an unterminated quoted string" : null;
    }

    /// <summary>A display-name is a phrase: atoms (dots allowed, as RFC 5322's obs-phrase does) and quoted strings.</summary>
    private static string? CheckDisplayName(ReadOnlySpan<char> name)
    {
        var quoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is not (' ' or '\t' or '.') && !AddrSpec.IsAtext(c))
            {
                return $"the display name holds '{c}' outside quotes, so it is not a display-name <addr-spec>";
            }
        }

        return null;
    }
}
