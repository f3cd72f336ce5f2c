using System.Globalization;
using System.Text;

namespace LambdaSuite.Bench;

/// <summary>
/// Median milliseconds of each phase of one input, each timed on its own over the same input: parse the event,
/// build the target's view (KPL deaggregation, DynamoDB conversion), build the entries, split them into calls, and
/// the whole send path through the sender and client (body writing, SHA-256 payload hash, SigV4 signing and HTTP
/// plumbing, the socket replaced). Hash and sign are also timed alone over the bodies that send path produced, so
/// what is left of send is body writing and plumbing. "other" is the handler's wall median minus the phases: what
/// the engine, the GC and the runtime add that no phase explains.
/// </summary>
internal sealed record FanoutBenchPhaseTimes(double Parse, double View, double Build, double Batch, double Send, double Hash, double Sign)
{
    /// <summary>The phases that together make one handler run (hash and sign are inside send).</summary>
    public double Sum => Parse + View + Build + Batch + Send;

    /// <summary>Send less its hash and sign: writing the bodies and the HTTP plumbing.</summary>
    public double WriteAndPlumbing => Math.Max(0, Send - Hash - Sign);

    /// <summary>Wall median minus the phases; negative when the phases, timed alone, ran slower than the handler.</summary>
    public double Other(double wallMedianMs) => wallMedianMs - Sum;

    public string ToText(double wallMedianMs)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  phases ms: parse {Parse:F2}  view {View:F2}  build {Build:F2}  batch {Batch:F2}  send {Send:F2} (hash {Hash:F2}, sign {Sign:F2}, write+http {WriteAndPlumbing:F2})  other {Other(wallMedianMs):F2}");
        return text.ToString();
    }
}
