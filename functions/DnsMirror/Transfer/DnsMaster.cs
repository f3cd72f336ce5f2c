using System.Globalization;

namespace DnsMirror.Transfer;

/// <summary>One primary server to transfer from, as host[:port] (IPv6 as [addr]:port).</summary>
internal sealed record DnsMaster(string Host, int Port)
{
    public const int DefaultPort = 53;

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public static DnsMaster Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{text}': missing ']'");
            }

            host = text[1..close];
            if (close + 1 < text.Length)
            {
                port = text[(close + 1)..].StartsWith(':') ? text[(close + 2)..] : throw new FormatException($"'{text}': expected ':' after ']'");
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            port = text[(colon + 1)..];
        }
        else
        {
            host = text;
        }

        if (host.Length == 0)
        {
            throw new FormatException($"'{text}': empty host");
        }

        var number = DefaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            throw new FormatException($"'{text}': bad port");
        }

        return new DnsMaster(host, number);
    }

    /// <summary>Parses a list separated by commas, semicolons or white space, keeping its order.</summary>
    public static IReadOnlyList<DnsMaster> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }
}
