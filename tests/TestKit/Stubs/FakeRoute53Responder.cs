using LambdaSuite.Harness.Route53;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>Puts the harness's Route 53 fake behind <see cref="AwsStubServer"/>, which checks each request's SigV4 signature first.</summary>
public static class FakeRoute53Responder
{
    /// <summary>Route 53's answer to <paramref name="request"/>; use as <c>stub.Responder = route53.RespondTo</c>.</summary>
    public static StubResponse RespondTo(this FakeRoute53 route53, CapturedRequest request)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(request);
        var (status, body) = route53.Respond(request.Method, request.RawPath, request.QueryParameters(), request.Body);
        return new StubResponse(status, body, "text/xml");
    }
}
