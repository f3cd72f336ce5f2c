using System.Globalization;

namespace LambdaSuite.Harness.Route53;

/// <summary>
/// One Route 53 private hosted zone in memory, the one Route 53 fake of the tests, the bench and the demo. It keeps
/// Route 53's rules: listing in its order (labels compared right to left, then type) in pages with Next* markers;
/// change batches applied atomically or not at all, refused as InvalidChangeBatch beyond 1,000 records or 32,000
/// value characters (an UPSERT counted twice), for a CREATE of an existing set, a DELETE of a missing or different
/// set, a CNAME beside another type or at the apex; changes PENDING for <see cref="PendingPolls"/> GetChange calls,
/// then INSYNC. Failures can be scripted (Throttling, PriorRequestNotComplete), answers paced, and requests held to
/// Route 53's two per-account buckets (<see cref="RequestBudget"/>, <see cref="ChangeBudget"/>), which answer Throttling
/// when a request overdraws them.
/// Its faces: <see cref="Respond"/> (Route 53's REST-XML, behind any loopback server), <see cref="Route53FakeServer"/>
/// (its own Kestrel) and the direct calls below (for an in-process hosted zone).
/// </summary>
public sealed partial class FakeRoute53
{
    public const int MaxRecordsPerBatch = 1000;
    public const int MaxValueCharactersPerBatch = 32000;

    /// <summary>Route 53 answers at most this many sets per ListResourceRecordSets page.</summary>
    public const int MaxPageSize = 300;

    // The record types Route 53 holds; looking each up keeps the CNAME check from scanning a 100,000-set zone per name.
    private static readonly string[] s_recordTypes = ["A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _pollsLeft = new(StringComparer.Ordinal);
    private readonly Queue<string> _changeFailures = new();
    private Dictionary<(string Key, string Type), FakeRecordSet> _sets = [];
    private List<(string Order, string Type, FakeRecordSet Set)>? _sorted;
    private int _changeCount;

    /// <param name="pageSize">At most this many sets per page even when more are asked for, so small zones still span pages.</param>
    /// <param name="pendingPolls">How many GetChange calls answer PENDING before INSYNC.</param>
    public FakeRoute53(string hostedZoneId, int pageSize = MaxPageSize, int pendingPolls = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(pendingPolls);
        HostedZoneId = hostedZoneId;
        PageSize = pageSize;
        PendingPolls = pendingPolls;
    }

    public string HostedZoneId { get; }

    public int PageSize { get; }

    public int PendingPolls { get; }

    /// <summary>Pacing when asked: how long a listing page takes to answer (zero by default).</summary>
    public TimeSpan ListDelay { get; set; }

    /// <summary>Pacing when asked: how long a change takes to reach INSYNC for an in-process caller (zero by default).</summary>
    public TimeSpan InSyncDelay { get; set; }

    public int ListCalls { get; private set; }

    public int ChangeCalls { get; private set; }

    public int GetChangeCalls { get; private set; }

    /// <summary>Route 53's change-throughput bucket when set: a batch it cannot pay is answered Throttling (null: no limit).</summary>
    public FakeChangeBudget? ChangeBudget { get; set; }

    /// <summary>Change batches answered Throttling because <see cref="ChangeBudget"/> was short.</summary>
    public int ThrottledChanges { get; private set; }

    /// <summary>The record count (UPSERT twice) of every batch applied, in order.</summary>
    public List<int> AcceptedBatchSizes { get; } = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sets.Count;
            }
        }
    }

    /// <summary>Every set, in no particular order.</summary>
    public IReadOnlyList<FakeRecordSet> Sets
    {
        get
        {
            lock (_gate)
            {
                return [.. _sets.Values];
            }
        }
    }

    /// <summary>Adds a set under its name as Route 53 lists it (lower case, absolute, '*' as <c>\052</c>).</summary>
    public void Add(string name, string type, long ttl, params string[] values) => Put(new FakeRecordSet(Canonical(name), type, ttl, values));

    /// <summary>Adds or replaces a set, keeping its name as written, without any check.</summary>
    public void Put(FakeRecordSet set)
    {
        lock (_gate)
        {
            _sets[KeyOf(set)] = set;
            _sorted = null;
        }
    }

    /// <summary>Replaces the whole content (a bench round starts from the same listing), sorts it ahead, and zeroes the counters.</summary>
    public void Load(IEnumerable<FakeRecordSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        lock (_gate)
        {
            _sets = sets.ToDictionary(KeyOf);
            _sorted = Sorted(_sets);
            ListCalls = ChangeCalls = GetChangeCalls = ThrottledChanges = ThrottledRequests = 0;
            AcceptedBatchSizes.Clear();
        }
    }

    public FakeRecordSet? Find(string name, string type)
    {
        lock (_gate)
        {
            return _sets.TryGetValue((Canonical(name), type), out var set) ? set : null;
        }
    }

    /// <summary>The next change batch is refused with this error code (400) instead of being applied.</summary>
    public void FailNextChange(string errorCode)
    {
        lock (_gate)
        {
            _changeFailures.Enqueue(errorCode);
        }
    }

    /// <summary>One page in Route 53's order, from the first set at or after (<paramref name="startName"/>, <paramref name="startType"/>).</summary>
    /// <param name="maxItems">What the caller asked for (Route 53's default 100, at most 300); null for the default.</param>
    public FakeListPage ListPage(string? startName, string? startType, int? maxItems)
    {
        lock (_gate)
        {
            ListCalls++;
            _sorted ??= Sorted(_sets);
            var max = Math.Min(PageSize, Math.Clamp(maxItems ?? 100, 1, MaxPageSize));
            var start = 0;
            if (startName is not null)
            {
                start = _sorted.BinarySearch((OrderKey(startName), startType ?? "", default), Comparer<(string Order, string Type, FakeRecordSet)>.Create(Compare));
                start = start < 0 ? ~start : start;
            }

            var end = Math.Min(start + max, _sorted.Count);
            var page = new FakeRecordSet[end - start];
            for (var i = start; i < end; i++)
            {
                page[i - start] = _sorted[i].Set;
            }

            return new FakeListPage(page, max, end < _sorted.Count ? _sorted[end].Set : null);
        }
    }

    /// <summary>Applies a batch atomically with Route 53's checks; false with Route 53's message (and code) when refused.</summary>
    public bool TryChange(IReadOnlyList<FakeRecordSetChange> changes, out string changeId, out string errorCode, out string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changeId = errorCode = errorMessage = "";
        lock (_gate)
        {
            if (_changeFailures.TryDequeue(out var scripted))
            {
                errorCode = scripted;
                errorMessage = scripted == "PriorRequestNotComplete" ? "The request was rejected because Route 53 was still processing a prior request." : "Rate exceeded";
                return false;
            }

            if (ChangeBudget is { } budget && !budget.TryTake(Cost(changes)))
            {
                ThrottledChanges++;
                errorCode = "Throttling";
                errorMessage = "Rate exceeded";
                return false;
            }

            errorCode = "InvalidChangeBatch";
            if (Refusal(changes) is { } refusal)
            {
                errorMessage = refusal;
                return false;
            }

            var next = Applied(changes, out var conflict);
            if (next is null)
            {
                errorMessage = conflict!;
                return false;
            }

            _sets = next;
            _sorted = null;
            ChangeCalls++;
            AcceptedBatchSizes.Add(Cost(changes));
            changeId = "C" + (++_changeCount).ToString("D6", CultureInfo.InvariantCulture);
            _pollsLeft[changeId] = PendingPolls;
            errorCode = "";
            return true;
        }
    }

    /// <summary>PENDING or INSYNC; null for an id this zone never issued.</summary>
    public string? ChangeStatus(string changeId)
    {
        lock (_gate)
        {
            GetChangeCalls++;
            if (!_pollsLeft.TryGetValue(changeId, out var left))
            {
                return null;
            }

            _pollsLeft[changeId] = left - 1;
            return left > 0 ? "PENDING" : "INSYNC";
        }
    }

    /// <summary>A name as Route 53 lists it: lower case, absolute, a leading '*' label as <c>\052</c>.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        lower = lower.EndsWith('.') ? lower : lower + ".";
        return lower.StartsWith("*.", StringComparison.Ordinal) ? @"\052" + lower[1..] : lower;
    }

    /// <summary>A batch's cost to the change bucket and to the per-request limit: its ResourceRecord elements, an UPSERT's twice.</summary>
    private static int Cost(IReadOnlyList<FakeRecordSetChange> changes) => changes.Sum(c => c.Set.Values.Count * Weight(c));

    private static int Weight(FakeRecordSetChange change) => change.Action == FakeRecordSetChange.Upsert ? 2 : 1;

    private static string? Refusal(IReadOnlyList<FakeRecordSetChange> changes)
    {
        var records = Cost(changes);
        var characters = changes.Sum(c => c.Set.Values.Sum(v => v.Length) * Weight(c));
        return changes.Count == 0 || records > MaxRecordsPerBatch || characters > MaxValueCharactersPerBatch
            ? $"Number of records limit of {MaxRecordsPerBatch} or value characters limit of {MaxValueCharactersPerBatch} exceeded ({changes.Count} changes, {records} records, {characters} characters)"
            : null;
    }

    /// <summary>The state the batch leaves, or null with the reason Route 53 gives for refusing it.</summary>
    private Dictionary<(string Key, string Type), FakeRecordSet>? Applied(IReadOnlyList<FakeRecordSetChange> changes, out string? refusal)
    {
        var next = new Dictionary<(string Key, string Type), FakeRecordSet>(_sets);
        foreach (var (action, set) in changes)
        {
            var key = KeyOf(set);
            var exists = next.TryGetValue(key, out var current);
            refusal = action switch
            {
                FakeRecordSetChange.Create when exists => $"Tried to create resource record set [name='{set.Name}', type='{set.Type}'] but it already exists",
                FakeRecordSetChange.Delete when !exists => $"Tried to delete resource record set [name='{set.Name}', type='{set.Type}'] but it was not found",
                FakeRecordSetChange.Delete when current.Ttl != set.Ttl || !current.Values.Order(StringComparer.Ordinal).SequenceEqual(set.Values.Order(StringComparer.Ordinal)) =>
                    $"Tried to delete resource record set [name='{set.Name}', type='{set.Type}'] but the values provided do not match the current values",
                FakeRecordSetChange.Create or FakeRecordSetChange.Delete or FakeRecordSetChange.Upsert => null,
                _ => $"Unknown change action '{action}': use CREATE, DELETE or UPSERT",
            };
            if (refusal is not null)
            {
                return null;
            }

            if (action == FakeRecordSetChange.Delete)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = set;
            }
        }

        refusal = CnameConflict(next, changes.Select(c => KeyOf(c.Set).Key));
        return refusal is null ? next : null;
    }

    /// <summary>
    /// Route 53 keeps a CNAME alone at its name (RFC 1034 §3.6.2) and refuses one at the zone apex, which always holds
    /// the SOA and NS. Checked on the state a batch leaves, for the names the batch touched.
    /// </summary>
    private static string? CnameConflict(Dictionary<(string Key, string Type), FakeRecordSet> sets, IEnumerable<string> touched)
    {
        string? apex = null;
        foreach (var name in touched.Distinct(StringComparer.Ordinal))
        {
            if (!sets.ContainsKey((name, "CNAME")))
            {
                continue;
            }

            apex ??= sets.Keys.FirstOrDefault(k => k.Type == "SOA").Key;

            if (name == apex)
            {
                return $"RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {apex}";
            }

            if (s_recordTypes.Any(type => type != "CNAME" && sets.ContainsKey((name, type))))
            {
                return $"RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with other records with the same DNS name in zone {apex}";
            }
        }

        return null;
    }

    private static (string Key, string Type) KeyOf(FakeRecordSet set) => (Canonical(set.Name), set.Type);

    private static List<(string Order, string Type, FakeRecordSet Set)> Sorted(Dictionary<(string Key, string Type), FakeRecordSet> sets)
    {
        var sorted = sets.Values.Select(s => (OrderKey(s.Name), s.Type, s)).ToList();
        sorted.Sort(Compare);
        return sorted;
    }

    private static int Compare((string Order, string Type, FakeRecordSet) a, (string Order, string Type, FakeRecordSet) b)
    {
        var byName = string.CompareOrdinal(a.Order, b.Order);
        return byName != 0 ? byName : string.CompareOrdinal(a.Type, b.Type);
    }

    /// <summary>Route 53 lists names sorted by their labels read right to left.</summary>
    private static string OrderKey(string name) => string.Join('\u0001', Canonical(name).TrimEnd('.').Split('.').Reverse());
}
