using System.Text;
using Fanout.Delivery;

namespace Fanout.Tests.Delivery;

/// <summary>A destination in memory: keeps what it took, and answers each call as the test scripts.</summary>
internal sealed class FakeSender(bool ordered = true) : ITargetSender
{
    private readonly List<string> _taken = [];
    private int _calls;

    public bool IsOrdered => ordered;

    /// <summary>Call number (from 1) and entries → the entries to reject; null rejects none.</summary>
    public Func<int, IReadOnlyList<OutgoingMessage>, IReadOnlyList<EntryFailure>>? Script { get; set; }

    /// <summary>When set, every call fails as a whole with this exception (after the client's own retries).</summary>
    public Func<Exception>? Throw { get; set; }

    public int Calls => _calls;

    public IReadOnlyList<string> Taken
    {
        get
        {
            lock (_taken)
            {
                return [.. _taken];
            }
        }
    }

    public Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Throw is { } fail)
        {
            return Task.FromException<IReadOnlyList<EntryFailure>>(fail());
        }

        var failures = Script?.Invoke(call, entries) ?? [];
        lock (_taken)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (!failures.Any(f => f.Position == i))
                {
                    _taken.Add(Encoding.UTF8.GetString(entries[i].Body.Span));
                }
            }
        }

        return Task.FromResult(failures);
    }
}
