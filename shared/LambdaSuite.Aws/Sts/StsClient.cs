using System.Globalization;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Sts;

/// <summary>
/// STS AssumeRole over the query protocol (API 2011-06-15) on the regional endpoint. In-house rather than
/// AWSSDK.SecurityToken (served here now, 4.1.0.1, AOT-clean) so every client shares one signing, retry and error
/// path and the same loopback stub tests it; whether the package replaces it is for a measured comparison to decide.
/// Operation and field names follow the SDK so it can replace this class.
/// </summary>
public sealed class StsClient(AwsHttp http)
{
    /// <summary>IAM actions the operations here need (serverless.template grants exactly these to a function composing this client).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["sts:AssumeRole"];

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new AwsQueryBuilder("AssumeRole", "2011-06-15")
            .Add("RoleArn", request.RoleArn)
            .Add("RoleSessionName", request.RoleSessionName)
            .Add("ExternalId", request.ExternalId)
            .Add("DurationSeconds", request.DurationSeconds);
        return Http.InvokeAsync(
            "AssumeRole",
            query,
            result =>
            {
                var credentials = AwsXml.Require(result, "Credentials");
                return new AssumeRoleResponse
                {
                    Credentials = new Credentials
                    {
                        AccessKeyId = Required(credentials, "AccessKeyId"),
                        SecretAccessKey = Required(credentials, "SecretAccessKey"),
                        SessionToken = Required(credentials, "SessionToken"),
                        Expiration = DateTimeOffset.Parse(Required(credentials, "Expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    },
                    AssumedRoleUserArn = AwsXml.Value(AwsXml.Child(result, "AssumedRoleUser"), "Arn"),
                };
            },
            cancellationToken);
    }

    private static string Required(System.Xml.Linq.XElement parent, string name) =>
        AwsXml.Value(parent, name) ?? throw new FormatException($"AssumeRole credentials have no {name}.");
}
