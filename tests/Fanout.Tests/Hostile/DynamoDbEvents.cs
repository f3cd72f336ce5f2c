using System.Globalization;
using System.Text;

namespace Fanout.Tests.Hostile;

/// <summary>DynamoDB Streams event JSON built from records the test names, the images given as typed JSON text.</summary>
public static class DynamoDbEvents
{
    public const string SourceArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000";

    public static string Sequence(int i) => (100000000000000000000m + i).ToString(CultureInfo.InvariantCulture);

    /// <summary>One INSERT record whose NewImage is <paramref name="newImage"/> (typed JSON text) and whose key is <c>id</c>.</summary>
    public static string Record(int i, string newImage) =>
        $$$"""
        {"eventID":"e{{{i}}}","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "eventSourceARN":"{{{SourceArn}}}",
         "dynamodb":{"ApproximateCreationDateTime":1767225600,"Keys":{"id":{"S":"k{{{i}}}"}},"NewImage":{{{newImage}}},
                     "SequenceNumber":"{{{Sequence(i)}}}","SizeBytes":10,"StreamViewType":"NEW_IMAGE"}}
        """;

    public static byte[] Event(params string[] records) => Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}");

    /// <summary>
    /// An item whose attribute <c>d</c> is nested <paramref name="levels"/> levels deep as DynamoDB counts them: the
    /// top-level attribute is level 1, each map inside adds one, and the innermost value is a string set. DynamoDB
    /// Local accepts 32 levels and refuses 33 ("Nesting Levels have exceeded supported limits").
    /// </summary>
    public static string Nested(int i, int levels)
    {
        var value = "{\"SS\":[\"leaf\"]}";
        for (var level = 1; level < levels; level++)
        {
            value = "{\"M\":{\"a\":" + value + "}}";
        }

        return $$$"""{"id":{"S":"k{{{i}}}"},"d":{{{value}}}}""";
    }

    public static string Plain(int i) => $$$"""{"id":{"S":"k{{{i}}}"},"n":{"N":"{{{i}}}"}}""";
}
