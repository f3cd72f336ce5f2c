using System.Diagnostics;
using System.Globalization;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Support;

/// <summary>
/// The outside judge of a mirror run: <c>dig AXFR</c> (BIND's own tool) of the primary against the in-memory hosted
/// zone, one line per record (<c>name type ttl value</c>, names lower case), the apex SOA and NS left out (Route 53
/// keeps its own; only the serial is copied, returned apart).
/// </summary>
internal static class MirrorJudge
{
    public static async Task<(List<string> Records, uint Serial)> DigAxfrAsync(IxfrPrimary primary)
    {
        var (name, algorithm, secret) = IxfrPrimary.StackKey();
        var startInfo = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "@127.0.0.1", "-y", $"{algorithm}:{name}:{secret}", primary.Zone, "AXFR", "+nocmd", "+noall", "+answer", "+nosplit" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var dig = Process.Start(startInfo) ?? throw new InvalidOperationException("dig could not be started (Debian's bind9-dnsutils)");
        var output = await dig.StandardOutput.ReadToEndAsync();
        await dig.WaitForExitAsync();
        Assert.True(dig.ExitCode == 0, "dig failed: " + await dig.StandardError.ReadToEndAsync());
        var records = new List<string>();
        uint serial = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split((char[])['\t', ' '], 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || fields[3] == "TSIG")
            {
                continue;
            }

            var (owner, ttl, type, value) = (fields[0].ToLowerInvariant(), fields[1], fields[3], fields[4]);
            if (owner == primary.Zone && type == "SOA")
            {
                serial = uint.Parse(value.Split(' ')[2], CultureInfo.InvariantCulture);
            }
            else if (!(owner == primary.Zone && type == "NS"))
            {
                records.Add($"{owner} {type} {ttl} {value}");
            }
        }

        records.Sort(StringComparer.Ordinal);
        return (records, serial);
    }

    public static (List<string> Records, uint Serial) HostedZone(FakeRoute53 route53, string zone)
    {
        var records = new List<string>();
        uint serial = 0;
        foreach (var set in route53.Sets)
        {
            var owner = set.Name.Replace("\\052", "*", StringComparison.Ordinal).ToLowerInvariant();
            if (owner == zone && set.Type == "SOA")
            {
                serial = uint.Parse(set.Values[0].Split(' ')[2], CultureInfo.InvariantCulture);
            }
            else if (!(owner == zone && set.Type == "NS"))
            {
                records.AddRange(set.Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{owner} {set.Type} {set.Ttl} {v}")));
            }
        }

        records.Sort(StringComparer.Ordinal);
        return (records, serial);
    }

    /// <summary>The hosted zone equals the primary's AXFR record by record, serial included.</summary>
    public static async Task AssertMirrorsAsync(IxfrPrimary primary, FakeRoute53 route53)
    {
        var (expected, expectedSerial) = await DigAxfrAsync(primary);
        var (actual, actualSerial) = HostedZone(route53, primary.Zone);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedSerial, actualSerial);
    }

    /// <summary>
    /// The hosted zone for <paramref name="mirrorAs"/> equals the primary's AXFR with every owner and every in-zone
    /// target renamed from the primary's origin to <paramref name="mirrorAs"/>, record by record, serial included. The
    /// renaming is done here on dig's text, apart from the function's wire-level remapper.
    /// </summary>
    public static async Task AssertMirrorsAsync(IxfrPrimary primary, FakeRoute53 route53, string mirrorAs)
    {
        var (dug, expectedSerial) = await DigAxfrAsync(primary);
        var expected = dug.Select(line => RenameLine(line, primary.Zone, mirrorAs)).Order(StringComparer.Ordinal).ToList();
        var (actual, actualSerial) = HostedZone(route53, mirrorAs);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedSerial, actualSerial);
    }

    // "owner type ttl value": the owner always; in the value only the names of the types that carry one (the last field).
    private static string RenameLine(string line, string from, string to)
    {
        var fields = line.Split(' ', 4);
        fields[0] = RenameName(fields[0], from, to);
        if (fields[1] is "NS" or "CNAME" or "PTR" or "DNAME" or "MX" or "SRV")
        {
            var value = fields[3].Split(' ');
            value[^1] = RenameName(value[^1], from, to);
            fields[3] = string.Join(' ', value);
        }

        return string.Join(' ', fields);
    }

    private static string RenameName(string name, string from, string to) =>
        string.Equals(name, from, StringComparison.OrdinalIgnoreCase) ? to
        : name.EndsWith("." + from, StringComparison.OrdinalIgnoreCase) ? name[..^from.Length] + to
        : name;
}
