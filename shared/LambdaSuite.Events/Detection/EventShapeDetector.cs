using LambdaSuite.Events.Http;

namespace LambdaSuite.Events.Detection;

/// <summary>
/// The one detector of event shapes for every function, by their documented markers: the first record's
/// <c>EventSource</c>/<c>eventSource</c> (<c>aws:sns</c>, <c>aws:sqs</c>, <c>aws:kinesis</c>, <c>aws:dynamodb</c>),
/// EventBridge's <c>detail-type</c> + <c>source</c> + <c>detail</c>, and for HTTP <c>requestContext.elb</c> (ALB,
/// multi-value mode when <c>multiValueHeaders</c> or <c>multiValueQueryStringParameters</c> is present),
/// <c>version: "2.0"</c> with <c>requestContext.http</c> or <c>rawPath</c> (HTTP API), and
/// <c>requestContext.resourceId</c>/<c>httpMethod</c> (REST API, also HTTP APIs on payload format 1.0), and IoT fleet
/// provisioning's pre-provisioning hook by top-level <c>templateArn</c> with <c>certificateId</c>. It reads
/// only as far as those markers need (see <see cref="EventMarkerScanner"/>) and hands the HTTP format to the parser,
/// so an event is parsed by one full read.
/// </summary>
public static class EventShapeDetector
{
    public static EventShape Detect(ReadOnlySpan<byte> json) => Read(json).Shape;

    public static DetectedEvent Read(ReadOnlySpan<byte> json)
    {
        if (!EventMarkerScanner.TryScan(json, out var markers, out var bytesRead))
        {
            return new(EventShape.NotJson, default, bytesRead);
        }

        if (markers.HasRecords)
        {
            var shape = markers.FirstRecordEventSource switch
            {
                "aws:sns" => EventShape.Sns,
                "aws:sqs" => EventShape.Sqs,
                "aws:kinesis" => EventShape.Kinesis,
                "aws:dynamodb" => EventShape.DynamoDbStream,
                _ => EventShape.Raw,
            };
            return new(shape, default, bytesRead);
        }

        if (markers.DetailType is not null && markers.Source is not null && markers.HasDetail)
        {
            return new(EventShape.EventBridge, default, bytesRead);
        }

        // A device's own registration payload may carry certificateId, but only the hook's request names a template.
        if (markers.HasTemplateArn && markers.HasCertificateId && !markers.HasRequestContext)
        {
            return new(EventShape.IotProvisioningHook, default, bytesRead);
        }

        return TryClassifyHttp(markers, out var kind)
            ? new(EventShape.Http, kind, bytesRead)
            : new(EventShape.Raw, default, bytesRead);
    }

    private static bool TryClassifyHttp(in EventMarkers markers, out HttpEventKind kind)
    {
        kind = default;
        if (!markers.HasRequestContext && !markers.HasRawPath)
        {
            return false;
        }

        if (markers.ContextHasElb)
        {
            kind = markers.HasMultiValueHeaders || markers.HasMultiValueQuery ? HttpEventKind.AlbMultiValue : HttpEventKind.Alb;
            return true;
        }

        if (markers.Version == "2.0" && (markers.ContextHasHttp || markers.HasRawPath))
        {
            kind = HttpEventKind.ApiGatewayV2;
            return true;
        }

        if (markers.ContextHasResourceId || markers.ContextHasHttpMethod || (markers.HasHttpMethod && markers.HasRequestContext))
        {
            kind = HttpEventKind.ApiGatewayV1;
            return true;
        }

        return false;
    }
}
