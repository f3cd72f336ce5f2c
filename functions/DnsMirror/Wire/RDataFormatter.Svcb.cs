using System.Globalization;
using System.Net;
using System.Text;

namespace DnsMirror.Wire;

internal static partial class RDataFormatter
{
    private static readonly string[] s_svcParamKeys = ["mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint"];

    /// <summary>RFC 9460 §2.1-2.2 and §7: SvcPriority TargetName key=value...</summary>
    private static bool AppendSvcb(StringBuilder builder, ref DnsWireReader reader, bool lower)
    {
        if (!AppendUInt16(builder, ref reader) || !AppendName(builder.Append(' '), ref reader, lower))
        {
            return false;
        }

        while (reader.Remaining > 0)
        {
            if (!reader.TryReadUInt16(out var key) || !reader.TryReadUInt16(out var length) || !reader.TryReadBytes(length, out var value))
            {
                return false;
            }

            builder.Append(' ').Append(SvcParamKeyName(key));
            if (!AppendSvcParamValue(builder, key, value))
            {
                return false;
            }
        }

        return true;
    }

    private static string SvcParamKeyName(ushort key) =>
        key < s_svcParamKeys.Length ? s_svcParamKeys[key] : "key" + key.ToString(CultureInfo.InvariantCulture);

    private static bool AppendSvcParamValue(StringBuilder builder, ushort key, ReadOnlySpan<byte> value)
    {
        switch (key)
        {
            case 0 when value.Length % 2 == 0: // mandatory: list of keys
                builder.Append('=');
                for (var i = 0; i < value.Length; i += 2)
                {
                    builder.Append(i == 0 ? string.Empty : ",").Append(SvcParamKeyName(ReadUInt16(value[i..])));
                }

                return true;
            case 1: // alpn: character-strings, shown comma-separated
                var alpn = new DnsWireReader(value);
                var ids = new List<string>();
                while (alpn.Remaining > 0)
                {
                    if (!alpn.TryReadCharacterString(out var id))
                    {
                        return false;
                    }

                    ids.Add(Encoding.ASCII.GetString(id).Replace(",", "\\,", StringComparison.Ordinal));
                }

                builder.Append("=\"").Append(string.Join(',', ids)).Append('"');
                return true;
            case 2 when value.Length == 0:
                return true;
            case 3 when value.Length == 2:
                builder.Append('=').Append(ReadUInt16(value).ToString(CultureInfo.InvariantCulture));
                return true;
            case 4 when value.Length % 4 == 0 && value.Length > 0:
            case 6 when value.Length % 16 == 0 && value.Length > 0:
                var size = key == 4 ? 4 : 16;
                builder.Append('=');
                for (var i = 0; i < value.Length; i += size)
                {
                    builder.Append(i == 0 ? string.Empty : ",").Append(new IPAddress(value.Slice(i, size)).ToString());
                }

                return true;
            case 5:
                builder.Append('=').Append(Convert.ToBase64String(value));
                return true;
            case 0 or 2 or 3 or 4 or 6:
                return false;
            default:
                builder.Append('=');
                AppendQuoted(builder, value);
                return true;
        }
    }
}
