using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Fanout.Targets;

/// <summary>
/// SNS and SQS carry text of XML 1.0 characters only (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up). A
/// body that is valid UTF-8 of those goes as is; any other is sent as base64, and the message says so in its
/// <c>fanout-encoding</c> attribute, so nothing is refused for its characters.
/// </summary>
internal static class MessageText
{
    public const string EncodingAttribute = "fanout-encoding";
    public const string IdAttribute = "fanout-id";

    /// <summary>
    /// The C0 controls XML forbids, and 0xEF, the lead byte of U+FFFE (EF BF BE) and U+FFFF (EF BF BF): valid UTF-8
    /// but not XML characters, so SQS answers InvalidMessageContents. Searched vectorized; 0xEF is then checked.
    /// </summary>
    private static readonly SearchValues<byte> s_suspects = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0xEF]);

    /// <summary>True when the body is not valid UTF-8 of XML characters, so it must travel as base64.</summary>
    public static bool NeedsBase64(ReadOnlySpan<byte> body) => !Utf8.IsValid(body) || HasNonXmlCharacter(body);

    /// <summary>The body as the message text: base64 when the entry was built to go that way, else its UTF-8 text.</summary>
    public static string Text(ReadOnlySpan<byte> body, bool asBase64) =>
        asBase64 ? Convert.ToBase64String(body) : Encoding.UTF8.GetString(body);

    /// <summary>For valid UTF-8 only: surrogates cannot appear in it, so these are the only characters left to refuse.</summary>
    private static bool HasNonXmlCharacter(ReadOnlySpan<byte> body)
    {
        var rest = body;
        while (true)
        {
            var at = rest.IndexOfAny(s_suspects);
            if (at < 0)
            {
                return false;
            }

            if (rest[at] != 0xEF || (rest.Length > at + 2 && rest[at + 1] == 0xBF && rest[at + 2] is 0xBE or 0xBF))
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }
    }
}
