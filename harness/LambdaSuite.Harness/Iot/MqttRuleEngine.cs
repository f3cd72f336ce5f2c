using System.Buffers;
using System.Threading.Channels;
using LambdaSuite.Harness.Runtime;
using MQTTnet;
using MQTTnet.Protocol;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// A local stand-in for AWS IoT's rules engine: subscribes (as the stack's rule-engine identity) to each enabled
/// rule's topic filter, runs the rule's own SQL on every message (<see cref="TopicRuleEvaluator"/>) and invokes the
/// function with the result, one message at a time in the order the broker delivered them, as one warm execution
/// environment would see them. <c>clientid()</c> and <c>principal()</c> come from the certificate issued for the serial
/// in the topic (<see cref="DeviceCertificates"/> says why). A failed invocation is recorded, not retried: AWS IoT would
/// hand it to the rule's error action (an SQS queue in the template), which is not emulated here.
/// </summary>
public sealed class MqttRuleEngine : IAsyncDisposable
{
    private readonly IReadOnlyList<TemplateTopicRule> _rules;
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, Task<InvocationOutcome>> _invoke;
    private readonly DeviceCertificates _certificates;
    private readonly string _topicPrefix;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly Channel<(string Topic, byte[] Payload, DateTimeOffset At)> _received = Channel.CreateUnbounded<(string, byte[], DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<RuleInvocation> _invocations = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IMqttClient _client;
    private Task _worker = Task.CompletedTask;

    private MqttRuleEngine(
        IReadOnlyList<TemplateTopicRule> rules, Func<ReadOnlyMemory<byte>, CancellationToken, Task<InvocationOutcome>> invoke, DeviceCertificates certificates,
        string topicPrefix, TimeProvider time, Action<string>? log)
    {
        _rules = rules;
        _invoke = invoke;
        _certificates = certificates;
        _topicPrefix = topicPrefix;
        _time = time;
        _log = log;
        _client = new MqttClientFactory().CreateMqttClient();
    }

    /// <summary>Every message a rule took so far, in order.</summary>
    public IReadOnlyList<RuleInvocation> Invocations
    {
        get
        {
            lock (_invocations)
            {
                return [.. _invocations];
            }
        }
    }

    /// <param name="invoke">Runs the rule's action (the packaged bootstrap through <see cref="BootstrapSession"/>).</param>
    public static async Task<MqttRuleEngine> StartAsync(
        MqttStack stack, IReadOnlyList<TemplateTopicRule> rules, DeviceCertificates certificates, Func<ReadOnlyMemory<byte>, CancellationToken, Task<InvocationOutcome>> invoke,
        TimeProvider time, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(invoke);
        ArgumentNullException.ThrowIfNull(time);
        var enabled = rules.Where(r => !r.Disabled).ToList();
        var engine = new MqttRuleEngine(enabled, invoke, certificates, stack.TopicPrefix, time, log);
        engine._client.ApplicationMessageReceivedAsync += engine.OnReceivedAsync;
        using var identity = stack.LoadIdentity(MqttStack.RuleEngineIdentity);
        await engine._client.ConnectAsync(stack.ClientOptions(identity, MqttStack.RuleEngineIdentity + "-" + Guid.NewGuid().ToString("N")[..8]), cancellationToken).ConfigureAwait(false);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in enabled.Select(r => r.Sql.From).Distinct(StringComparer.Ordinal))
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var granted = await engine._client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        if (granted.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new InvalidOperationException($"The broker refused the rule engine's subscription to {refused.TopicFilter.Topic} ({refused.ResultCode}); check the ACL written by ./suite stack up.");
        }

        engine._worker = Task.Run(engine.RunAsync, CancellationToken.None);
        return engine;
    }

    /// <summary>Waits until <paramref name="count"/> messages have been taken by rules, or the timeout.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (Invocations.Count < count)
            {
                await Task.Delay(20, limit.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        var message = received.ApplicationMessage;
        _received.Writer.TryWrite((message.Topic, message.Payload.ToArray(), _time.GetUtcNow()));
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var (topic, payload, at) in _received.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                var sender = SenderOf(topic);
                var message = new RuleMessage(topic, payload, sender?.ClientId, sender?.CertificateId, at);
                foreach (var rule in _rules)
                {
                    Record(await RunRuleAsync(rule, message).ConfigureAwait(false));
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: messages still queued are not invoked, as with a rule disabled mid-stream.
        }
    }

    private async Task<RuleInvocation?> RunRuleAsync(TemplateTopicRule rule, RuleMessage message)
    {
        var evaluation = TopicRuleEvaluator.Evaluate(rule.Sql, message);
        if (!evaluation.Matched)
        {
            return null;
        }

        if (evaluation.Event is not { } eventJson)
        {
            _log?.Invoke($"rule {rule.LogicalId}: {evaluation.Problem}");
            return new RuleInvocation(rule.LogicalId, message.Topic, null, null, evaluation.Problem);
        }

        try
        {
            var outcome = await _invoke(eventJson, _stopping.Token).ConfigureAwait(false);
            if (outcome.IsError)
            {
                _log?.Invoke($"rule {rule.LogicalId}: the function failed on {message.Topic} ({outcome.Error?.ErrorType}); AWS IoT would send the message to the rule's error action.");
            }

            return new RuleInvocation(rule.LogicalId, message.Topic, eventJson, outcome, null);
        }
        catch (InvalidOperationException failure)
        {
            _log?.Invoke($"rule {rule.LogicalId}: invoking the function on {message.Topic} failed: {failure.Message}");
            return new RuleInvocation(rule.LogicalId, message.Topic, eventJson, null, failure.Message);
        }
    }

    private void Record(RuleInvocation? invocation)
    {
        if (invocation is null)
        {
            return;
        }

        lock (_invocations)
        {
            _invocations.Add(invocation);
        }
    }

    /// <summary>The certificate issued for the topic's serial level (<c>prefix/SERIAL/...</c>), which the ACL makes the only possible publisher.</summary>
    private DeviceCertificate? SenderOf(string topic)
    {
        if (!topic.StartsWith(_topicPrefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = topic.AsSpan(_topicPrefix.Length + 1);
        var end = rest.IndexOf('/');
        var serial = (end < 0 ? rest : rest[..end]).ToString();
        return serial.Length == 0 ? null : _certificates.Find(serial);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _worker.ConfigureAwait(false);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _stopping.Dispose();
    }
}
