namespace SesFeedback.Mailing;

/// <summary>
/// The key of the mailing table. Rule: take the addr-spec (the part inside angle brackets when SES reports
/// <c>"Name" &lt;addr&gt;</c>), trim it, and lower-case all of it. The domain is case-insensitive by RFC 5321;
/// the local part is case-sensitive in theory but treated case-insensitively by SES's own suppression list and
/// by practically every mailbox provider, so two spellings of one mailbox must share one record. Provider
/// specific aliases (dots, +tags) are NOT folded: they can be distinct mailboxes.
/// </summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path (254 usable octets).</summary>
    public const int MaxLength = 254;

    public static bool TryNormalize(string? raw, out string address)
    {
        address = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var candidate = raw.Trim();
        var open = candidate.LastIndexOf('<');
        if (open >= 0)
        {
            var close = candidate.IndexOf('>', open);
            if (close < 0)
            {
                return false;
            }

            candidate = candidate[(open + 1)..close].Trim();
        }

        var at = candidate.LastIndexOf('@');
        if (at <= 0 || at == candidate.Length - 1 || candidate.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',')
            {
                return false;
            }
        }

        var domain = candidate[(at + 1)..];
        if (domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        address = candidate.ToLowerInvariant();
        return true;
    }
}
