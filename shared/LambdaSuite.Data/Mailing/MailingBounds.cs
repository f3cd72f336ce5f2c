using System.Text;

namespace LambdaSuite.Data.Mailing;

/// <summary>
/// Every free-text field of a mailing record is cut to a byte budget before it is stored, so that no record can
/// reach DynamoDB's 400 KB item limit however long a field SES (or a forger) sends and however many events an
/// address accumulates. The budgets are far above what SES sends (message ids ~60 bytes, feedback ids ~70, a
/// diagnostic code is one SMTP reply line); the sum over a record's bounded lists is held below the limit by a test.
/// </summary>
public static class MailingBounds
{
    /// <summary>DynamoDB's item size limit (400 KB), attribute names included.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>The SMTP reply SES reports for a bounce: one line, rarely over 300 bytes.</summary>
    public const int MaxDiagnosticCodeBytes = 1024;

    /// <summary>An operator's unsuppress reason.</summary>
    public const int MaxNoteBytes = 1024;

    /// <summary>Ids and type names: message id, feedback id, bounce type and subtype, complaint type, sender, configuration set.</summary>
    public const int MaxIdentifierBytes = 256;

    /// <summary>All of a message's tags together (names and values); SES allows 50 tags of 256 characters, real ones are short.</summary>
    public const int MaxTagBytes = 8 * 1024;

    /// <summary>Marks a value that was cut.</summary>
    public const string CutMarker = "\u2026";

    /// <summary>
    /// <paramref name="value"/> when it fits in <paramref name="maxBytes"/> UTF-8 bytes, otherwise its longest prefix
    /// that fits together with <see cref="CutMarker"/>, cut between whole characters (never inside a surrogate pair).
    /// </summary>
    public static string? Cut(string? value, int maxBytes)
    {
        if (value is null || Encoding.UTF8.GetByteCount(value) <= maxBytes)
        {
            return value;
        }

        var budget = maxBytes - Encoding.UTF8.GetByteCount(CutMarker);
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.Append(CutMarker).ToString();
    }
}
