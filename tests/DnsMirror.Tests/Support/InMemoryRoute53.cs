using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Support;

/// <summary>
/// One hosted zone behind <see cref="AwsStubServer"/>, answering like Route 53's REST-XML API: ListResourceRecordSets
/// in Route 53's order (labels compared right to left) with pages and Next* markers, ChangeResourceRecordSets
/// validated atomically (1,000 records / 32,000 value characters with UPSERT counted twice, CREATE of an existing
/// set, DELETE of a missing or different set, a CNAME beside another type or at the apex → InvalidChangeBatch) and GetChange PENDING for a few polls, then
/// INSYNC. Names are stored as Route 53 lists them: lower case, absolute, '*' as <c>\052</c>. Failures can be
/// scripted per operation (Throttling, PriorRequestNotComplete).
/// </summary>
internal sealed class InMemoryRoute53
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly XNamespace s_ns = Ns;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, int> _pollsLeft = new();
    private readonly ConcurrentQueue<string> _changeFailures = new();
    private Dictionary<(string Name, string Type), (long Ttl, string[] Values)> _sets = [];
    private int _changeCount;

    public InMemoryRoute53(string hostedZoneId, int pageSize = 100, int pendingPolls = 1)
    {
        HostedZoneId = hostedZoneId;
        PageSize = pageSize;
        PendingPolls = pendingPolls;
    }

    public string HostedZoneId { get; }

    public int PageSize { get; }

    public int PendingPolls { get; }

    public int ListCalls { get; private set; }

    public int GetChangeCalls { get; private set; }

    public List<int> AcceptedBatchSizes { get; } = [];

    public int Count => _sets.Count;

    public void Add(string name, string type, long ttl, params string[] values) => _sets[(Canonical(name), type)] = (ttl, values);

    public (long Ttl, string[] Values)? Find(string name, string type) => _sets.TryGetValue((Canonical(name), type), out var set) ? set : null;

    /// <summary>The next ChangeResourceRecordSets answers this error code (400) instead of applying.</summary>
    public void FailNextChange(string errorCode) => _changeFailures.Enqueue(errorCode);

    public StubResponse Respond(CapturedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = Uri.UnescapeDataString(request.RawPath);
        lock (_gate)
        {
            if (request.Method == "GET" && path == $"/2013-04-01/hostedzone/{HostedZoneId}/rrset")
            {
                return List(request.QueryParameters());
            }

            if (request.Method == "POST" && path == $"/2013-04-01/hostedzone/{HostedZoneId}/rrset/")
            {
                return Change(request.BodyText);
            }

            if (request.Method == "GET" && path.StartsWith("/2013-04-01/change/", StringComparison.Ordinal))
            {
                return GetChange(path["/2013-04-01/change/".Length..]);
            }
        }

        return Error(404, "NoSuchHostedZone", $"No hosted zone found with ID: {path}");
    }

    public static string Canonical(string name)
    {
        var lower = name.ToLowerInvariant();
        lower = lower.EndsWith('.') ? lower : lower + ".";
        return lower.StartsWith("*.", StringComparison.Ordinal) ? @"\052" + lower[1..] : lower;
    }

    private StubResponse List(IReadOnlyDictionary<string, string> query)
    {
        ListCalls++;
        // Route 53 answers min(maxitems, 300) per page; this stub also never exceeds its own PageSize, so small test
        // zones still span pages and the client has to follow IsTruncated rather than count what it asked for.
        var max = Math.Min(PageSize, query.TryGetValue("maxitems", out var m) ? Math.Min(int.Parse(m, CultureInfo.InvariantCulture), 300) : 100);
        var ordered = _sets.OrderBy(s => ReversedLabels(s.Key.Name), StringComparer.Ordinal).ThenBy(s => s.Key.Type, StringComparer.Ordinal).ToList();
        var start = 0;
        if (query.TryGetValue("name", out var startName))
        {
            var startKey = ReversedLabels(Canonical(startName));
            var startType = query.GetValueOrDefault("type") ?? "";
            start = ordered.FindIndex(s => string.CompareOrdinal(ReversedLabels(s.Key.Name), startKey) > 0
                || (ReversedLabels(s.Key.Name) == startKey && string.CompareOrdinal(s.Key.Type, startType) >= 0));
            start = start < 0 ? ordered.Count : start;
        }

        var page = ordered.Skip(start).Take(max).ToList();
        var truncated = start + page.Count < ordered.Count;
        var body = new XElement(s_ns + "ListResourceRecordSetsResponse",
            new XElement(s_ns + "ResourceRecordSets", page.Select(s => SetXml(s.Key.Name, s.Key.Type, s.Value.Ttl, s.Value.Values))),
            new XElement(s_ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(s_ns + "NextRecordName", ordered[start + page.Count].Key.Name) : null,
            truncated ? new XElement(s_ns + "NextRecordType", ordered[start + page.Count].Key.Type) : null,
            new XElement(s_ns + "MaxItems", max));
        return Xml(body);
    }

    private StubResponse Change(string bodyText)
    {
        if (_changeFailures.TryDequeue(out var code))
        {
            return Error(400, code, code == "PriorRequestNotComplete" ? "The request was rejected because Route 53 was still processing a prior request." : "Rate exceeded");
        }

        var changes = XDocument.Parse(bodyText).Descendants(s_ns + "Change").Select(c =>
        {
            var set = c.Element(s_ns + "ResourceRecordSet")!;
            var values = set.Descendants(s_ns + "Value").Select(v => v.Value).ToArray();
            return (Action: c.Element(s_ns + "Action")!.Value, Name: Canonical(set.Element(s_ns + "Name")!.Value), Type: set.Element(s_ns + "Type")!.Value,
                Ttl: long.Parse(set.Element(s_ns + "TTL")?.Value ?? "0", CultureInfo.InvariantCulture), Values: values);
        }).ToList();
        var records = changes.Sum(c => c.Values.Length * (c.Action == "UPSERT" ? 2 : 1));
        var characters = changes.Sum(c => c.Values.Sum(v => v.Length) * (c.Action == "UPSERT" ? 2 : 1));
        if (records > 1000 || characters > 32000 || changes.Count == 0)
        {
            return InvalidChangeBatch($"Number of records limit of 1000 or value characters limit of 32000 exceeded ({records} records, {characters} characters)");
        }

        var next = new Dictionary<(string, string), (long, string[])>(_sets);
        foreach (var c in changes)
        {
            var key = (c.Name, c.Type);
            var exists = next.TryGetValue(key, out var current);
            switch (c.Action)
            {
                case "CREATE" when exists:
                    return InvalidChangeBatch($"Tried to create resource record set [name='{c.Name}', type='{c.Type}'] but it already exists");
                case "DELETE" when !exists:
                    return InvalidChangeBatch($"Tried to delete resource record set [name='{c.Name}', type='{c.Type}'] but it was not found");
                case "DELETE" when current.Item1 != c.Ttl || !current.Item2.Order(StringComparer.Ordinal).SequenceEqual(c.Values.Order(StringComparer.Ordinal)):
                    return InvalidChangeBatch($"Tried to delete resource record set [name='{c.Name}', type='{c.Type}'] but the values provided do not match the current values");
                case "DELETE":
                    next.Remove(key);
                    break;
                default:
                    next[key] = (c.Ttl, c.Values);
                    break;
            }
        }

        if (CnameConflict(next, changes.Select(c => c.Name)) is { } conflict)
        {
            return InvalidChangeBatch(conflict);
        }

        _sets = next;
        AcceptedBatchSizes.Add(records);
        var id = "C" + (++_changeCount).ToString("D6", CultureInfo.InvariantCulture);
        _pollsLeft[id] = PendingPolls;
        return Xml(new XElement(s_ns + "ChangeResourceRecordSetsResponse", ChangeInfo(id, "PENDING")));
    }

    /// <summary>
    /// Route 53 keeps a CNAME alone at its name (RFC 1034 §3.6.2) and refuses one at the zone apex, which always holds
    /// the SOA and NS. Checked on the state a batch leaves, for the names the batch touched.
    /// </summary>
    private static string? CnameConflict(Dictionary<(string Name, string Type), (long, string[])> sets, IEnumerable<string> touched)
    {
        var apex = sets.Keys.FirstOrDefault(k => k.Type == "SOA").Name;
        foreach (var name in touched.Distinct(StringComparer.Ordinal))
        {
            if (!sets.ContainsKey((name, "CNAME")))
            {
                continue;
            }

            if (name == apex)
            {
                return $"RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {apex}";
            }

            if (sets.Keys.Any(k => k.Name == name && k.Type != "CNAME"))
            {
                return $"RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with other records with the same DNS name in zone {apex}";
            }
        }

        return null;
    }

    private StubResponse GetChange(string id)
    {
        GetChangeCalls++;
        if (!_pollsLeft.TryGetValue(id, out var left))
        {
            return Error(404, "NoSuchChange", $"A change with the specified change ID does not exist: {id}");
        }

        _pollsLeft[id] = left - 1;
        return Xml(new XElement(s_ns + "GetChangeResponse", ChangeInfo(id, left > 0 ? "PENDING" : "INSYNC")));
    }

    private static XElement ChangeInfo(string id, string status) =>
        new(s_ns + "ChangeInfo", new XElement(s_ns + "Id", "/change/" + id), new XElement(s_ns + "Status", status), new XElement(s_ns + "SubmittedAt", "2026-11-22T01:00:00.000Z"));

    private static XElement SetXml(string name, string type, long ttl, string[] values) =>
        new(s_ns + "ResourceRecordSet",
            new XElement(s_ns + "Name", name),
            new XElement(s_ns + "Type", type),
            new XElement(s_ns + "TTL", ttl),
            new XElement(s_ns + "ResourceRecords", values.Select(v => new XElement(s_ns + "ResourceRecord", new XElement(s_ns + "Value", v)))));

    private static string ReversedLabels(string name) => string.Join('\u0001', name.TrimEnd('.').Split('.').Reverse());

    private static StubResponse Xml(XElement root) => StubResponse.Xml(root.ToString(SaveOptions.DisableFormatting));

    private static StubResponse InvalidChangeBatch(string message) =>
        StubResponse.Xml($"<InvalidChangeBatch xmlns=\"{Ns}\"><Messages><Message>{SecurityElement.Escape(message)}</Message></Messages><RequestId>r-1</RequestId></InvalidChangeBatch>", 400);

    private static StubResponse Error(int status, string code, string message) =>
        new(status, Encoding.UTF8.GetBytes($"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"), "text/xml");
}
