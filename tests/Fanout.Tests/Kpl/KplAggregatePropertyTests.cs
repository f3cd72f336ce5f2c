using System.Security.Cryptography;
using Fanout.Kpl;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.TestKit.Mutation;

namespace Fanout.Tests.Kpl;

/// <summary>
/// Issue 19, "Also": the KPL deaggregator under damaged aggregates. Valid aggregates round-trip; a damaged protobuf
/// body with a digest that still matches (so the parser, not the MD5 check, meets the damage) and a damaged aggregate
/// as received both yield user records inside the input or one <see cref="KplFormatException"/> that leaves the
/// output as it was, so the caller can dead-letter that record alone.
/// </summary>
public sealed class KplAggregatePropertyTests
{
    private static readonly KplUserRecord s_sentinel = new("sentinel", null, new byte[] { 42 });

    private static Gen<string> Key => Gen.Elements("a", "pk-1", "\u00e9t\u00e9", "", "k", "a-much-longer-partition-key-0123456789");

    private static Gen<KplRecord> UserRecord =>
        Key.SelectMany(key => Gen.Elements<string?>(null, "170141183460469231731687303715884105728", "1").SelectMany(hash =>
            Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().Select(data => new KplRecord(key, hash, data))));

    private static Gen<KplRecord[]> UserRecords => UserRecord.NonEmptyListOf().Select(l => l.Take(12).ToArray());

    private static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .NonEmptyListOf().Select(steps => steps.Take(8).ToArray());

    [Property(MaxTest = 300)]
    public Property Deaggregate_ValidAggregate_ReturnsEveryUserRecordInOrder() =>
        Prop.ForAll(Arb.From(UserRecords), records =>
        {
            var output = new List<KplUserRecord>();

            KplAggregate.Deaggregate(KplAggregator.Aggregate(records), "outer", null, output);

            return output.Count == records.Length && output.Zip(records).All(p =>
                p.First.PartitionKey == p.Second.PartitionKey
                && p.First.ExplicitHashKey == p.Second.ExplicitHashKey
                && p.First.Data.Span.SequenceEqual(p.Second.Data.Span));
        });

    [Property(MaxTest = 500)]
    public Property Deaggregate_MutatedBodyWithMatchingDigest_RecordsOrKplFormatExceptionOutputUnchanged() =>
        Prop.ForAll(Arb.From(UserRecords.SelectMany(records => Steps.Select(steps => (records, steps)))), input =>
        {
            var aggregate = KplAggregator.Aggregate(input.records);
            var body = aggregate.AsSpan(KplAggregate.Magic.Length, aggregate.Length - KplAggregate.Magic.Length - KplAggregate.DigestLength);
            var damaged = ByteMutator.Apply(body, input.steps, aggregate);

            return Outcome([.. KplAggregate.Magic, .. damaged, .. MD5.HashData(damaged)]);
        });

    [Property(MaxTest = 500)]
    public Property Deaggregate_MutatedAggregateAsReceived_RecordsOrKplFormatExceptionOutputUnchanged() =>
        Prop.ForAll(Arb.From(UserRecords.SelectMany(records => Steps.Select(steps => (records, steps)))), input =>
            Outcome(ByteMutator.Apply(KplAggregator.Aggregate(input.records), input.steps)));

    /// <summary>Deaggregates behind a sentinel record: either it stays first and every user record lies inside the input, or the error leaves the sentinel alone.</summary>
    private static bool Outcome(byte[] aggregate)
    {
        var output = new List<KplUserRecord> { s_sentinel };
        try
        {
            KplAggregate.Deaggregate(aggregate, "outer", null, output);
            return output[0] == s_sentinel && output.Skip(1).All(r => r.PartitionKey is not null && r.Data.Length <= aggregate.Length);
        }
        catch (KplFormatException error)
        {
            return output.Count == 1 && output[0] == s_sentinel
                && error.Offset >= 0 && error.Offset <= aggregate.Length && error.Length == aggregate.Length && error.Message.Length > 0;
        }
    }
}
