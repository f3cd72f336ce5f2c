using Fanout.Delivery;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Delivery;

internal sealed class FakeSenderFactory : ITargetSenderFactory
{
    public Dictionary<string, FakeSender> ByTargetId { get; } = [];

    public FakeSender DeadLetter { get; } = new(ordered: false);

    public ITargetSender Create(FanoutTarget target) => ByTargetId[target.Id];

    public ITargetSender CreateDeadLetter(string queue, FanoutTarget target) => DeadLetter;
}
