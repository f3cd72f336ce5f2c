using LambdaSuite.Events.Http;

namespace LambdaSuite.Events.Detection;

/// <summary>
/// Tells event shapes apart from raw invocation JSON by their documented markers: the first record's
/// <c>EventSource</c>/<c>eventSource</c> (<c>aws:sns</c>, <c>aws:sqs</c>, <c>aws:kinesis</c>, <c>aws:dynamodb</c>),
/// EventBridge's <c>detail-type</c> + <c>source</c>, and the HTTP markers <see cref="HttpEventParser"/> uses.
/// </summary>
public static class EventShapeDetector
{
    public static EventShape Detect(ReadOnlySpan<byte> json)
    {
        if (!EventMarkerScanner.TryScan(json, out var markers))
        {
            return EventShape.NotJson;
        }

        if (markers.HasRecords)
        {
            return markers.FirstRecordEventSource switch
            {
                "aws:sns" => EventShape.Sns,
                "aws:sqs" => EventShape.Sqs,
                "aws:kinesis" => EventShape.Kinesis,
                "aws:dynamodb" => EventShape.DynamoDbStream,
                _ => EventShape.Raw,
            };
        }

        if (markers.DetailType is not null && markers.Source is not null && markers.HasDetail)
        {
            return EventShape.EventBridge;
        }

        return HttpEventParser.TryClassify(markers, out _) ? EventShape.Http : EventShape.Raw;
    }
}
