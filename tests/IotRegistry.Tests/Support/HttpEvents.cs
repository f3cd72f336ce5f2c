using System.Text;
using System.Text.Json;

namespace IotRegistry.Tests.Support;

/// <summary>Builds HTTP events from the templates in TestData/Http by filling in method, path and body.</summary>
public static class HttpEvents
{
    public const string Alb = "alb.json";
    public const string AlbMultiValue = "alb-multivalue.json";
    public const string ApiGatewayV1 = "apigw-v1.json";
    public const string ApiGatewayV2 = "apigw-v2.json";

    /// <summary>An HTTP API (v2) event from a route with AWS_IAM authorisation: <c>requestContext.authorizer.iam</c> names the caller.</summary>
    public const string ApiGatewayV2Iam = "apigw-v2-iam.json";

    /// <summary>The caller the IAM template names.</summary>
    public const string AdministratorArn = "arn:aws:iam::123456789012:user/fleet-admin";

    public static byte[] Build(string template, string method, string path, string? body = null, bool base64 = false, string query = "")
    {
        var text = Encoding.UTF8.GetString(TestData.Bytes(Path.Combine("Http", template)));
        var encodedBody = body is null ? string.Empty : base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body;
        return Encoding.UTF8.GetBytes(text
            .Replace("__METHOD__", method, StringComparison.Ordinal)
            .Replace("__PATH__", path, StringComparison.Ordinal)
            .Replace("\"__BODY__\"", JsonSerializer.Serialize(encodedBody), StringComparison.Ordinal)
            .Replace("__BASE64__", base64 ? "true" : "false", StringComparison.Ordinal)
            .Replace("__QUERY__", query, StringComparison.Ordinal));
    }

    public static string TransferBody(string newOwner, string? owner = null, string? code = null)
    {
        var body = new Dictionary<string, string> { ["newOwnerEmail"] = newOwner };
        if (owner is not null)
        {
            body["email"] = owner;
        }

        if (code is not null)
        {
            body["activationCode"] = code;
        }

        return JsonSerializer.Serialize(body);
    }

    public static string ActivationBody(string code, string email = "owner@example.com") =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["activationCode"] = code, ["email"] = email });
}
