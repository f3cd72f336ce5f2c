using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws;

/// <summary>Response bodies written for these tests, under TestData/Aws.</summary>
internal static class AwsTestData
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Aws", relativePath));

    public static StubResponse Xml(string relativePath, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        StubResponse.Xml(Read(relativePath), status, headers);

    public static StubResponse Json(string relativePath, int status = 200, string contentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? headers = null) =>
        StubResponse.Json(Read(relativePath), status, contentType, headers);
}
