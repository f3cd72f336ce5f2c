using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;

namespace LambdaSuite.Aws.Route53;

/// <summary>
/// Route 53 over REST-XML (API 2013-04-01) on the partition's global endpoint, signed in its home region (us-east-1
/// in the aws partition). In-house because AWSSDK.Route53 is not served by the NuGet registry these machines reach;
/// operation and field names follow it so it can replace this class. Record names pass through untouched.
/// </summary>
public sealed class Route53Client(AwsHttp http)
{
    /// <summary>IAM actions the operations here need (serverless.template grants exactly these to a function composing this client).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets", "route53:GetChange"];

    private const string ApiPath = "/2013-04-01";

    /// <summary>Route 53's account-wide request bucket as documented (burst 50, 10 a second), shared by every client of the process.</summary>
    public static RequestPacer AccountPacer { get; } = new(burst: 50, perSecond: 10);

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public Route53Client WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    /// <summary>One page; see <see cref="ListAllResourceRecordSetsAsync"/> for the whole zone.</summary>
    public Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = new StringBuilder(ApiPath).Append("/hostedzone/").Append(Uri.EscapeDataString(BareId(request.HostedZoneId, "/hostedzone/"))).Append("/rrset");
        var separator = '?';
        AppendQuery(path, ref separator, "name", request.StartRecordName);
        AppendQuery(path, ref separator, "type", request.StartRecordType);
        AppendQuery(path, ref separator, "identifier", request.StartRecordIdentifier);
        AppendQuery(path, ref separator, "maxitems", request.MaxItems?.ToString(CultureInfo.InvariantCulture));
        var uri = Http.UriFor(path.ToString());
        return Http.SendAsync(
            "ListResourceRecordSets",
            AwsProtocol.RestXml,
            () => new HttpRequestMessage(HttpMethod.Get, uri),
            response => ListResourceRecordSetsXml.Read(response.Body),
            cancellationToken);
    }

    /// <summary>Every record set of the zone, following IsTruncated/NextRecordName/Type/Identifier page by page.</summary>
    public async IAsyncEnumerable<ResourceRecordSet> ListAllResourceRecordSetsAsync(string hostedZoneId, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListResourceRecordSetsRequest { HostedZoneId = hostedZoneId, MaxItems = pageSize };
        while (true)
        {
            var page = await ListResourceRecordSetsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var set in page.ResourceRecordSets)
            {
                yield return set;
            }

            if (!page.IsTruncated)
            {
                yield break;
            }

            if (page.NextRecordName is null || page.NextRecordType is null)
            {
                throw new FormatException("ListResourceRecordSets answered IsTruncated=true without NextRecordName/NextRecordType.");
            }

            request = request with
            {
                StartRecordName = page.NextRecordName,
                StartRecordType = page.NextRecordType,
                StartRecordIdentifier = page.NextRecordIdentifier,
            };
        }
    }

    /// <summary>Applies the batch atomically; the answer's ChangeInfo is PENDING until GetChange says INSYNC.</summary>
    public Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Http.UriFor(ApiPath + "/hostedzone/" + Uri.EscapeDataString(BareId(request.HostedZoneId, "/hostedzone/")) + "/rrset/");
        var body = Route53Xml.WriteChangeBatch(request.ChangeBatch);
        return Http.SendAsync(
            "ChangeResourceRecordSets",
            AwsProtocol.RestXml,
            () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
                return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            },
            response => new ChangeResourceRecordSetsResponse(Route53Xml.ReadChangeInfo(response.Body)),
            cancellationToken);
    }

    public Task<GetChangeResponse> GetChangeAsync(GetChangeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Http.UriFor(ApiPath + "/change/" + Uri.EscapeDataString(BareId(request.Id, "/change/")));
        return Http.SendAsync(
            "GetChange",
            AwsProtocol.RestXml,
            () => new HttpRequestMessage(HttpMethod.Get, uri),
            response => new GetChangeResponse(Route53Xml.ReadChangeInfo(response.Body)),
            cancellationToken);
    }

    /// <summary>
    /// Polls GetChange until INSYNC, sleeping <paramref name="pollInterval"/> on the retry policy's clock between
    /// polls; gives up with <see cref="TimeoutException"/> when the next poll would start after the policy's deadline.
    /// </summary>
    public async Task<ChangeInfo> WaitForInSyncAsync(string changeId, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        var clock = Http.RetryPolicy.TimeProvider;
        while (true)
        {
            var info = (await GetChangeAsync(new GetChangeRequest(changeId), cancellationToken).ConfigureAwait(false)).ChangeInfo;
            if (info.Status == ChangeStatus.InSync)
            {
                return info;
            }

            if (Http.RetryPolicy.Deadline is { } deadline && clock.GetUtcNow() + pollInterval >= deadline)
            {
                throw new TimeoutException($"Route 53 change {changeId} is still {info.Status} at the deadline.");
            }

            await Task.Delay(pollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Route 53 prints ids with a resource prefix (<c>/hostedzone/Z1</c>); its URLs take the bare id.</summary>
    public static string BareId(string id, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(prefix);
        return id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
    }

    private static void AppendQuery(StringBuilder path, ref char separator, string name, string? value)
    {
        if (value is not null)
        {
            path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
    }
}
