namespace LambdaSuite.Events.Http;

/// <summary>Which AWS front door sent an HTTP event; the response is written back in the same format.</summary>
public enum HttpEventKind
{
    /// <summary>Application Load Balancer target group, single-value <c>headers</c> mode.</summary>
    Alb,

    /// <summary>Application Load Balancer target group with multi-value headers enabled.</summary>
    AlbMultiValue,

    /// <summary>API Gateway REST API proxy integration (payload format 1.0).</summary>
    ApiGatewayV1,

    /// <summary>API Gateway HTTP API (payload format 2.0).</summary>
    ApiGatewayV2,
}
