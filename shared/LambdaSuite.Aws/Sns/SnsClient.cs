using System.Globalization;
using System.Xml.Linq;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Sns;

/// <summary>
/// SNS over its query protocol (API version 2010-03-31). In-house because AWSSDK.SimpleNotificationService is not
/// served by the NuGet registry these machines reach; operation and field names follow it so it can replace this class.
/// </summary>
public sealed class SnsClient(AwsHttp http) : ISnsClient
{
    /// <summary>IAM actions the operations here need: PublishBatch is authorised by <c>sns:Publish</c>; there is no separate action.</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["sns:Publish"];

    internal const string ApiVersion = "2010-03-31";

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public SnsClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    ISnsClient ISnsClient.WithDeadline(DateTimeOffset deadline) => WithDeadline(deadline);

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new AwsQueryBuilder("Publish", ApiVersion)
            .Add("TopicArn", request.TopicArn)
            .Add("TargetArn", request.TargetArn)
            .Add("PhoneNumber", request.PhoneNumber)
            .Add("Message", request.Message)
            .Add("Subject", request.Subject)
            .Add("MessageStructure", request.MessageStructure)
            .Add("MessageDeduplicationId", request.MessageDeduplicationId)
            .Add("MessageGroupId", request.MessageGroupId);
        AddAttributes(query, "MessageAttributes", request.MessageAttributes);
        return Http.InvokeAsync(
            "Publish",
            query,
            result => new PublishResponse
            {
                MessageId = AwsXml.Value(result, "MessageId") ?? throw new FormatException("PublishResult has no MessageId."),
                SequenceNumber = AwsXml.Value(result, "SequenceNumber"),
            },
            cancellationToken);
    }

    /// <summary>Publishes up to 10 messages; entries SNS rejects come back in <see cref="PublishBatchResponse.Failed"/>.</summary>
    public Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new AwsQueryBuilder("PublishBatch", ApiVersion).Add("TopicArn", request.TopicArn);
        for (var i = 0; i < request.PublishBatchRequestEntries.Count; i++)
        {
            var entry = request.PublishBatchRequestEntries[i];
            var prefix = "PublishBatchRequestEntries.member." + (i + 1).ToString(CultureInfo.InvariantCulture) + ".";
            query.Add(prefix + "Id", entry.Id)
                .Add(prefix + "Message", entry.Message)
                .Add(prefix + "Subject", entry.Subject)
                .Add(prefix + "MessageStructure", entry.MessageStructure)
                .Add(prefix + "MessageDeduplicationId", entry.MessageDeduplicationId)
                .Add(prefix + "MessageGroupId", entry.MessageGroupId);
            AddAttributes(query, prefix + "MessageAttributes", entry.MessageAttributes);
        }

        return Http.InvokeAsync("PublishBatch", query, ParseBatchResult, cancellationToken);
    }

    /// <summary>Sends a form written with <see cref="PublishBatchBody"/> (the caller disposes it after the call).</summary>
    public Task<PublishBatchResponse> PublishBatchAsync(PublishBatchBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Http.InvokeRawAsync(
            "PublishBatch",
            body.Complete(),
            answer => PublishBatchResultReader.TryRead(answer, out var response) ? response : ParseBatchResult(AwsXml.Require(AwsXml.Parse(answer).Root, "PublishBatchResult")),
            cancellationToken);
    }

    private static PublishBatchResponse ParseBatchResult(XElement result) => new()
    {
        Successful = AwsXml.Children(AwsXml.Child(result, "Successful"), "member")
            .Select(member => new PublishBatchResultEntry
            {
                Id = AwsXml.Value(member, "Id") ?? throw new FormatException("Successful member has no Id."),
                MessageId = AwsXml.Value(member, "MessageId") ?? throw new FormatException("Successful member has no MessageId."),
                SequenceNumber = AwsXml.Value(member, "SequenceNumber"),
            })
            .ToArray(),
        Failed = AwsXml.Children(AwsXml.Child(result, "Failed"), "member")
            .Select(member => new BatchResultErrorEntry
            {
                Id = AwsXml.Value(member, "Id") ?? throw new FormatException("Failed member has no Id."),
                Code = AwsXml.Value(member, "Code") ?? "Unknown",
                Message = AwsXml.Value(member, "Message"),
                SenderFault = string.Equals(AwsXml.Value(member, "SenderFault"), "true", StringComparison.OrdinalIgnoreCase),
            })
            .ToArray(),
    };

    // Query maps flatten as {prefix}.entry.N.Name / {prefix}.entry.N.Value.{DataType,StringValue,BinaryValue}.
    private static void AddAttributes(AwsQueryBuilder query, string prefix, IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is null)
        {
            return;
        }

        var n = 0;
        foreach (var (name, value) in attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var entry = prefix + ".entry." + (++n).ToString(CultureInfo.InvariantCulture) + ".";
            query.Add(entry + "Name", name)
                .Add(entry + "Value.DataType", value.DataType)
                .Add(entry + "Value.StringValue", value.StringValue)
                .Add(entry + "Value.BinaryValue", value.BinaryValue is { } binary ? Convert.ToBase64String(binary.Span) : null);
        }
    }
}
