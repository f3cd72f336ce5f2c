using System.Text;
using System.Text.Unicode;

namespace Fanout.Targets;

/// <summary>
/// SNS and SQS carry text (XML 1.0 characters only). A body that is valid UTF-8 of allowed characters goes as is;
/// any other is sent as base64, and the message says so in its <c>fanout-encoding</c> attribute.
/// </summary>
public static class MessageText
{
    public const string EncodingAttribute = "fanout-encoding";
    public const string IdAttribute = "fanout-id";

    public static (string Text, bool IsBase64) Of(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body) && !HasDisallowedControl(body))
        {
            return (Encoding.UTF8.GetString(body), false);
        }

        return (Convert.ToBase64String(body), true);
    }

    // XML 1.0 allows tab, LF and CR below 0x20; U+FFFE/U+FFFF and surrogates cannot appear in valid UTF-8 here.
    private static bool HasDisallowedControl(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return true;
            }
        }

        return false;
    }
}
