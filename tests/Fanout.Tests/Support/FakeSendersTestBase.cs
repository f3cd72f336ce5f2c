using Fanout.Config;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;

namespace Fanout.Tests.Support;

/// <summary>
/// The whole Fanout handler over fake senders (one per target id, found in <see cref="Senders"/>), the given mappings
/// and a clock that never really sleeps; retry jitter pinned to half the ceiling.
/// </summary>
public abstract class FakeSendersTestBase
{
    protected SteppingTimeProvider Clock { get; } = new();

    private protected FakeSenderFactory Senders { get; } = new();

    private protected FanoutFunction Function(params FanoutTarget[] targets) => FunctionWithDeadLetter(null, targets);

    /// <param name="deadLetter">The dead-letter queue's URL, or null for none.</param>
    private protected FanoutFunction FunctionWithDeadLetter(string? deadLetter, params FanoutTarget[] targets) =>
        new(new StaticTargetSource(targets), new FanoutEngine(Senders, new DeliveryLedger(), new AwsRetryPolicy { TimeProvider = Clock, Random = () => 0.5 }, deadLetter), TimeSpan.FromSeconds(1), Clock);
}
