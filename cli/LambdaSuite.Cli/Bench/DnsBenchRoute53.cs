using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DnsMirror.Route53;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// One hosted zone answering Route 53's REST-XML on 127.0.0.1 for the bench's whole-sync case (the CLI may not use
/// the tests' stub): ListResourceRecordSets in Route 53's order (labels right to left, then type) with pages and
/// Next* markers, ChangeResourceRecordSets applied atomically with Route 53's checks (limits with UPSERT counted
/// twice, CREATE of an existing set, DELETE of a missing or different set, a CNAME beside another type), GetChange
/// INSYNC at once so the figure holds no made-up propagation delay. Signatures are not checked here (the tests'
/// stub does that); the bench measures our side.
/// </summary>
internal sealed class DnsBenchRoute53 : IAsyncDisposable
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly XNamespace s_ns = Ns;
    private static readonly string[] s_types = ["A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"];
    private readonly object _gate = new();
    private readonly WebApplication _app;
    private Dictionary<(string Name, string Type), HostedZoneRecordSet> _sets = [];
    private List<(string Order, string Type, HostedZoneRecordSet Set)>? _sorted;
    private long _serverTicks;

    private DnsBenchRoute53(WebApplication app, Uri endpoint, string hostedZoneId)
    {
        _app = app;
        Endpoint = endpoint;
        HostedZoneId = hostedZoneId;
    }

    public Uri Endpoint { get; }

    public string HostedZoneId { get; }

    public int ListCalls { get; private set; }

    public int ChangeCalls { get; private set; }

    public int GetChangeCalls { get; private set; }

    /// <summary>
    /// Time spent answering since the last <see cref="Load"/>, from the request's first byte read to the answer
    /// written: what Route 53 itself would spend, taken out of the whole-sync figure to leave the function's share.
    /// </summary>
    public TimeSpan ServerTime => TimeSpan.FromTicks(Interlocked.Read(ref _serverTicks));

    public int Count => _sets.Count;

    public static async Task<DnsBenchRoute53> StartAsync(string hostedZoneId)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        DnsBenchRoute53? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new DnsBenchRoute53(app, new Uri(address + "/"), hostedZoneId);
        return server;
    }

    /// <summary>Replaces the zone's content (each round starts from the same listing), sorts it for listing ahead of the run, and zeroes the counters.</summary>
    public void Load(IEnumerable<HostedZoneRecordSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        lock (_gate)
        {
            _sets = sets.ToDictionary(s => (s.Name, s.Type));
            _sorted = Sorted(_sets);
            ListCalls = ChangeCalls = GetChangeCalls = 0;
            Interlocked.Exchange(ref _serverTicks, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await AnswerAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _serverTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var path = context.Request.Path.Value ?? "";
        var zonePath = "/2013-04-01/hostedzone/" + HostedZoneId + "/rrset";
        (int Status, byte[] Body) answer;
        lock (_gate)
        {
            answer = (context.Request.Method, path) switch
            {
                ("GET", var p) when p == zonePath => List(context.Request.Query),
                ("POST", var p) when p == zonePath + "/" => Change(body.ToArray()),
                ("GET", var p) when p.StartsWith("/2013-04-01/change/", StringComparison.Ordinal) => GetChange(p["/2013-04-01/change/".Length..]),
                _ => Error(404, "NoSuchHostedZone", "No hosted zone found at " + path),
            };
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "text/xml";
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static List<(string Order, string Type, HostedZoneRecordSet Set)> Sorted(Dictionary<(string Name, string Type), HostedZoneRecordSet> sets) =>
        [.. sets.Values.Select(s => (OrderKey(s.Name), s.Type, s)).OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal)];

    private (int, byte[]) List(IQueryCollection query)
    {
        ListCalls++;
        _sorted ??= Sorted(_sets);
        var max = int.TryParse(query["maxitems"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 300) : 100;
        var start = 0;
        if (query.TryGetValue("name", out var name))
        {
            var key = (OrderKey(name.ToString().ToLowerInvariant()), query["type"].ToString());
            start = _sorted.BinarySearch((key.Item1, key.Item2, null!), Comparer<(string, string, HostedZoneRecordSet)>.Create(Compare));
            start = start < 0 ? ~start : start;
        }

        var end = Math.Min(start + max, _sorted.Count);
        return (200, Write(writer =>
        {
            writer.WriteStartElement("ListResourceRecordSetsResponse", Ns);
            writer.WriteStartElement("ResourceRecordSets", Ns);
            for (var i = start; i < end; i++)
            {
                var set = _sorted[i].Set;
                writer.WriteStartElement("ResourceRecordSet", Ns);
                writer.WriteElementString("Name", Ns, set.Name);
                writer.WriteElementString("Type", Ns, set.Type);
                writer.WriteElementString("TTL", Ns, (set.Ttl ?? 300).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartElement("ResourceRecords", Ns);
                foreach (var value in set.Values)
                {
                    writer.WriteStartElement("ResourceRecord", Ns);
                    writer.WriteElementString("Value", Ns, value);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElementString("IsTruncated", Ns, end < _sorted.Count ? "true" : "false");
            if (end < _sorted.Count)
            {
                writer.WriteElementString("NextRecordName", Ns, _sorted[end].Set.Name);
                writer.WriteElementString("NextRecordType", Ns, _sorted[end].Type);
            }

            writer.WriteElementString("MaxItems", Ns, max.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }));
    }

    private (int, byte[]) Change(byte[] body)
    {
        var changes = XDocument.Parse(Encoding.UTF8.GetString(body)).Descendants(s_ns + "Change").Select(c =>
        {
            var set = c.Element(s_ns + "ResourceRecordSet")!;
            var ttl = long.Parse(set.Element(s_ns + "TTL")?.Value ?? "0", CultureInfo.InvariantCulture);
            var values = set.Descendants(s_ns + "Value").Select(v => v.Value).ToArray();
            return (Action: c.Element(s_ns + "Action")!.Value, Set: new HostedZoneRecordSet(set.Element(s_ns + "Name")!.Value.ToLowerInvariant(), set.Element(s_ns + "Type")!.Value, ttl, values));
        }).ToList();
        var records = changes.Sum(c => c.Set.Values.Count * (c.Action == "UPSERT" ? 2 : 1));
        var characters = changes.Sum(c => c.Set.Values.Sum(v => v.Length) * (c.Action == "UPSERT" ? 2 : 1));
        if (changes.Count == 0 || records > 1000 || characters > 32000)
        {
            return InvalidChangeBatch($"{changes.Count} changes, {records} records, {characters} characters: outside Route 53's limits");
        }

        var next = new Dictionary<(string, string), HostedZoneRecordSet>(_sets);
        foreach (var (action, set) in changes)
        {
            var key = (set.Name, set.Type);
            var exists = next.TryGetValue(key, out var current);
            var error = action switch
            {
                "CREATE" when exists => $"Tried to create resource record set [name='{set.Name}', type='{set.Type}'] but it already exists",
                "DELETE" when !exists => $"Tried to delete resource record set [name='{set.Name}', type='{set.Type}'] but it was not found",
                "DELETE" when current!.Ttl != set.Ttl || !current.Values.Order(StringComparer.Ordinal).SequenceEqual(set.Values.Order(StringComparer.Ordinal)) =>
                    $"Tried to delete resource record set [name='{set.Name}', type='{set.Type}'] but the values provided do not match the current values",
                _ => null,
            };
            if (error is not null)
            {
                return InvalidChangeBatch(error);
            }

            if (action == "DELETE")
            {
                next.Remove(key);
            }
            else
            {
                next[key] = set;
            }
        }

        foreach (var name in changes.Select(c => c.Set.Name).Distinct())
        {
            if (next.ContainsKey((name, "CNAME")) && s_types.Any(t => t != "CNAME" && next.ContainsKey((name, t))))
            {
                return InvalidChangeBatch($"RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with other records with the same DNS name in zone");
            }
        }

        _sets = next;
        _sorted = null;
        ChangeCalls++;
        var id = "CBENCH" + ChangeCalls.ToString("D6", CultureInfo.InvariantCulture);
        return (200, Write(writer => ChangeInfo(writer, "ChangeResourceRecordSetsResponse", id, "PENDING")));
    }

    private (int, byte[]) GetChange(string id)
    {
        GetChangeCalls++;
        return (200, Write(writer => ChangeInfo(writer, "GetChangeResponse", id, "INSYNC")));
    }

    private static void ChangeInfo(XmlWriter writer, string root, string id, string status)
    {
        writer.WriteStartElement(root, Ns);
        writer.WriteStartElement("ChangeInfo", Ns);
        writer.WriteElementString("Id", Ns, "/change/" + id);
        writer.WriteElementString("Status", Ns, status);
        writer.WriteElementString("SubmittedAt", Ns, "2026-11-22T00:00:00.000Z");
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static int Compare((string Order, string Type, HostedZoneRecordSet) a, (string Order, string Type, HostedZoneRecordSet) b)
    {
        var byName = string.CompareOrdinal(a.Order, b.Order);
        return byName != 0 ? byName : string.CompareOrdinal(a.Type, b.Type);
    }

    /// <summary>Route 53 lists names sorted by their labels read right to left.</summary>
    private static string OrderKey(string name) => string.Join('\u0001', name.TrimEnd('.').Split('.').Reverse());

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            body(writer);
        }

        return buffer.ToArray();
    }

    private static (int, byte[]) InvalidChangeBatch(string message) =>
        (400, Write(writer =>
        {
            writer.WriteStartElement("InvalidChangeBatch", Ns);
            writer.WriteStartElement("Messages", Ns);
            writer.WriteElementString("Message", Ns, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", Ns, "bench");
            writer.WriteEndElement();
        }));

    private static (int, byte[]) Error(int status, string code, string message) =>
        (status, Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", Ns);
            writer.WriteStartElement("Error", Ns);
            writer.WriteElementString("Type", Ns, "Sender");
            writer.WriteElementString("Code", Ns, code);
            writer.WriteElementString("Message", Ns, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", Ns, "bench");
            writer.WriteEndElement();
        }));
}
