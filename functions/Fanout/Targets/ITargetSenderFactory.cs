using Fanout.Delivery;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>Builds (and may cache) the sender for a mapping, and the sender for a dead-letter queue.</summary>
internal interface ITargetSenderFactory
{
    ITargetSender Create(FanoutTarget target);

    ITargetSender CreateDeadLetter(string queue, FanoutTarget target);
}
