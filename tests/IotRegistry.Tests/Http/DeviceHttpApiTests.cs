using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Tests.Http;

/// <summary>
/// The HTTP door through the handler (event formats, routing, validation, answers) over the in-memory catalog;
/// what needs the server is in <see cref="DeviceHttpApiDynamoDbTests"/>.
/// </summary>
public sealed class DeviceHttpApiTests
{
    private const string Code = "Q7K2-M9XP-4TWZ";
    private readonly InMemoryDeviceCatalog _catalog = new();
    private readonly IotRegistryFunction _function;
    private readonly RecordingLambdaContext _context = new();

    public DeviceHttpApiTests() => _function = new IotRegistryHarness(_catalog).Function;

    [Fact]
    public async Task Activation_AlbSingleValueBase64BodyEncodedPath_200InSingleValueMode()
    {
        var serial = await RegisterAsync();
        var path = $"/devices/{serial.Replace("-", "%2D", StringComparison.Ordinal)}/thermostat%2D0001/activation";

        var answer = await InvokeAsync(HttpEvents.Alb, "POST", path, HttpEvents.ActivationBody(Code), base64: true);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("200 OK", answer.StatusDescription);
        Assert.NotNull(answer.Headers);
        Assert.Null(answer.MultiValueHeaders);
        Assert.Equal("application/json", answer.Header("Content-Type"));
        Assert.Equal("no-store", answer.Header("Cache-Control"));
        Assert.True(answer.Json.GetProperty("activated").GetBoolean());
        Assert.Equal(serial, answer.Json.GetProperty("serialNumber").GetString());
    }

    [Fact]
    public async Task GetDevice_AlbMultiValue_DeviceWithoutCodeOrHashInMultiValueMode()
    {
        var serial = await RegisterAsync();

        var answer = await InvokeAsync(HttpEvents.AlbMultiValue, "GET", $"/devices/{serial}/thermostat-0001");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("200 OK", answer.StatusDescription);
        Assert.Null(answer.Headers);
        Assert.Equal(["application/json"], answer.MultiValueHeaders!["Content-Type"]);
        Assert.False(answer.Json.GetProperty("activated").GetBoolean());
        Assert.Equal("Thermostat", answer.Json.GetProperty("device").GetString());
        Assert.DoesNotContain(Code, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("hmac", answer.Body, StringComparison.OrdinalIgnoreCase);
        var stored = await _catalog.GetAsync(new DeviceKey(serial, "thermostat-0001"));
        Assert.DoesNotContain(stored!.ActivationCodeHmac, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_ApiGatewayV1WrongCode_403AndCounted()
    {
        var serial = await RegisterAsync();

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV1, "POST", $"/devices/{serial}/thermostat-0001/activation", HttpEvents.ActivationBody("WRONG-CODE"));

        Assert.Equal(403, answer.StatusCode);
        Assert.Equal("wrong_code", answer.Error);
        Assert.Equal(["application/json"], answer.MultiValueHeaders!["Content-Type"]);
        Assert.Equal(1, (await _catalog.GetAsync(new DeviceKey(serial, "thermostat-0001")))!.FailedAttempts);
    }

    [Fact]
    public async Task GetDevice_AfterWrongCodeWithAttackerEmail_NoOwnerShownThenRealOwnerAfterActivation()
    {
        var serial = await RegisterAsync();
        var path = $"/devices/{serial}/thermostat-0001";
        await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path + "/activation", HttpEvents.ActivationBody("WRONG-CODE", "mallory@attacker.example"));

        var afterAttack = await InvokeAsync(HttpEvents.ApiGatewayV2, "GET", path);
        await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path + "/activation", HttpEvents.ActivationBody(Code, "owner@example.com"));
        var afterActivation = await InvokeAsync(HttpEvents.ApiGatewayV2, "GET", path);

        Assert.Equal(200, afterAttack.StatusCode);
        Assert.False(afterAttack.Json.GetProperty("activated").GetBoolean());
        Assert.DoesNotContain("attacker", afterAttack.Body, StringComparison.Ordinal);
        Assert.False(afterAttack.Json.TryGetProperty("owner", out _));
        Assert.True(afterActivation.Json.GetProperty("activated").GetBoolean());
        Assert.Equal("o***@example.com", afterActivation.Json.GetProperty("owner").GetString());
        Assert.DoesNotContain("attacker", afterActivation.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_ApiGatewayV2WithStageAndCookies_200InV2Format()
    {
        var serial = await RegisterAsync();

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", $"/devices/{serial}/thermostat-0001/activation", HttpEvents.ActivationBody(Code));

        Assert.Equal(200, answer.StatusCode);
        Assert.Null(answer.StatusDescription);
        Assert.Equal("application/json", answer.Headers!["Content-Type"]);
        Assert.False(answer.Raw.TryGetProperty("multiValueHeaders", out _));
        Assert.Equal("o***@example.com", answer.Json.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Activation_AllOutcomesOverHttp_StatusAndStableErrorCodeUnknownDeviceAnsweredAsWrongCode()
    {
        var serial = await RegisterAsync();
        var path = $"/devices/{serial}/thermostat-0001/activation";

        var notFound = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", $"/devices/{serial}-x/thermostat-0001/activation", HttpEvents.ActivationBody(Code));
        var wrong = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path, HttpEvents.ActivationBody("WRONG-CODE"));
        var activated = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path, HttpEvents.ActivationBody(Code));
        var again = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path, HttpEvents.ActivationBody(Code, "other@example.com"));

        Assert.Equal((403, "wrong_code"), (notFound.StatusCode, notFound.Error));
        Assert.Equal(wrong.Body, notFound.Body);
        Assert.Equal((403, "wrong_code"), (wrong.StatusCode, wrong.Error));
        Assert.Equal(200, activated.StatusCode);
        Assert.Equal((409, "already_activated"), (again.StatusCode, again.Error));
        Assert.Equal("owner@example.com", (await _catalog.GetAsync(new DeviceKey(serial, "thermostat-0001")))!.OwnerEmail);
    }

    [Fact]
    public async Task Activation_AfterFiveWrongCodes_429WithRetryAfterInBothModes()
    {
        var serial = await RegisterAsync();
        var path = $"/devices/{serial}/thermostat-0001/activation";
        for (var i = 0; i < 5; i++)
        {
            await InvokeAsync(HttpEvents.Alb, "POST", path, HttpEvents.ActivationBody($"WRONG-{i:D4}"));
        }

        var single = await InvokeAsync(HttpEvents.Alb, "POST", path, HttpEvents.ActivationBody(Code));
        var multi = await InvokeAsync(HttpEvents.AlbMultiValue, "POST", path, HttpEvents.ActivationBody(Code));

        Assert.Equal((429, "locked"), (single.StatusCode, single.Error));
        Assert.Equal("429 Too Many Requests", single.StatusDescription);
        Assert.InRange(int.Parse(single.Headers!["Retry-After"]), 890, 900);
        Assert.Equal(429, multi.StatusCode);
        Assert.Single(multi.MultiValueHeaders!["Retry-After"]);
        Assert.False((await _catalog.GetAsync(new DeviceKey(serial, "thermostat-0001")))!.Activated);
    }

    [Theory]
    [InlineData("{\"activationCode\":\"Q7K2-M9XP-4TWZ\",\"email\":\"not-an-email\"}", "invalid_email")]
    [InlineData("{\"activationCode\":\"Q7K2-M9XP-4TWZ\"}", "missing_field")]
    [InlineData("{\"activationCode\":12345678,\"email\":\"owner@example.com\"}", "wrong_type")]
    [InlineData("{\"activationCode\":\"Q7K2-M9XP-4TWZ\",\"email\":\"owner@example.com\"", "invalid_json")]
    [InlineData("", "invalid_json")]
    [InlineData("{\"activationCode\":\"Q7K2-M9XP-4TWZ\",\"email\":[\"owner@example.com\"]}", "wrong_type")]
    public async Task Activation_BadBody_400AndNothingWritten(string body, string expectedError)
    {
        var serial = await RegisterAsync();
        var key = new DeviceKey(serial, "thermostat-0001");
        var before = await _catalog.GetAsync(key);

        var answer = await InvokeAsync(HttpEvents.Alb, "POST", $"/devices/{serial}/thermostat-0001/activation", body);

        Assert.Equal((400, expectedError), (answer.StatusCode, answer.Error));
        Assert.Equal(before, await _catalog.GetAsync(key));
    }

    [Theory]
    [InlineData("serialNumber", "SN-other-device", "thermostat-0001")]
    [InlineData("clientId", null, "thermostat-9999")]
    public async Task Activation_BodyNamesAnotherDevice_400AndNothingCounted(string field, string? bodySerial, string bodyClient)
    {
        var serial = await RegisterAsync();
        var key = new DeviceKey(serial, "thermostat-0001");
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["serialNumber"] = bodySerial ?? serial,
            ["clientId"] = bodyClient,
            ["activationCode"] = "WRONG-CODE",
            ["email"] = "owner@example.com",
        });

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", $"/devices/{serial}/thermostat-0001/activation", body);

        Assert.Equal((400, "device_mismatch"), (answer.StatusCode, answer.Error));
        Assert.Equal(field, answer.Json.GetProperty("field").GetString());
        Assert.Equal(0, (await _catalog.GetAsync(key))!.FailedAttempts);
    }

    [Fact]
    public async Task Activation_BodyRepeatsPathDevice_Activates()
    {
        var serial = await RegisterAsync();
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["serialNumber"] = serial,
            ["clientId"] = "thermostat-0001",
            ["activationCode"] = Code,
            ["email"] = "owner@example.com",
        });

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", $"/devices/{serial}/thermostat-0001/activation", body);

        Assert.Equal(200, answer.StatusCode);
    }

    [Fact]
    public async Task Activation_OversizedBody_400TooLarge()
    {
        var serial = await RegisterAsync();
        var body = "{\"activationCode\":\"Q7K2-M9XP-4TWZ\",\"email\":\"owner@example.com\",\"pad\":\"" + new string('x', 5000) + "\"}";

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV1, "POST", $"/devices/{serial}/thermostat-0001/activation", body);

        Assert.Equal((400, "too_large"), (answer.StatusCode, answer.Error));
    }

    [Theory]
    [InlineData("/devices/SN%20X/thermostat-0001/activation", "serialNumber")]
    [InlineData("/devices/SN-1/client%27%20OR%201%3D1/activation", "clientId")]
    [InlineData("/devices/SN%2F..%2Fx/thermostat-0001/activation", "serialNumber")]
    [InlineData("/devices/%23sn/thermostat-0001/activation", "serialNumber")]
    public async Task Activation_KeyWithExpressionBreakingCharacters_400InvalidField(string path, string field)
    {
        _catalog.ResetCalls();

        var answer = await InvokeAsync(HttpEvents.ApiGatewayV2, "POST", path, HttpEvents.ActivationBody(Code));

        Assert.Equal((400, "invalid_field"), (answer.StatusCode, answer.Error));
        Assert.Equal(field, answer.Json.GetProperty("field").GetString());
        Assert.Empty(_catalog.Calls);
    }

    [Theory]
    [InlineData("GET", "/devices/SN-1/c1/activation", 405, "method_not_allowed")]
    [InlineData("DELETE", "/devices/SN-1/c1", 405, "method_not_allowed")]
    [InlineData("POST", "/health", 405, "method_not_allowed")]
    [InlineData("GET", "/x/y/health", 404, "route_not_found")]
    [InlineData("GET", "/devices/SN-1", 404, "route_not_found")]
    [InlineData("GET", "/devices/SN-unknown/c1", 404, "device_not_found")]
    public async Task Routing_OtherRequests_StatusAndCode(string method, string path, int status, string error)
    {
        var answer = await InvokeAsync(HttpEvents.ApiGatewayV1, method, path);

        Assert.Equal((status, error), (answer.StatusCode, answer.Error));
    }

    [Theory]
    [InlineData(HttpEvents.Alb, "/health")]
    [InlineData(HttpEvents.AlbMultiValue, "/health")]
    [InlineData(HttpEvents.ApiGatewayV1, "/prod/health")]
    [InlineData(HttpEvents.ApiGatewayV2, "/health")]
    public async Task Health_Get_200TinyJsonWithoutTableRequests(string template, string path)
    {
        _catalog.ResetCalls();
        var context = new RecordingLambdaContext();

        var answer = HttpAnswer.Parse(await _function.InvokeAsync(HttpEvents.Build(template, "GET", path), context));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/json", answer.Header("Content-Type"));
        Assert.Equal("{\"status\":\"ok\"}", answer.Body);
        Assert.Empty(_catalog.Calls);
        Assert.StartsWith("Debug http GET", Assert.Single(context.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Head_200WithoutBody()
    {
        var answer = await InvokeAsync(HttpEvents.Alb, "HEAD", "/health");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(string.Empty, answer.Body);
    }

    [Fact]
    public async Task Routing_WrongMethod_AllowHeader()
    {
        var answer = await InvokeAsync(HttpEvents.Alb, "PUT", "/devices/SN-1/c1/activation", HttpEvents.ActivationBody(Code));

        Assert.Equal("POST", answer.Header("Allow"));
        Assert.Equal("405 Method Not Allowed", answer.StatusDescription);
    }

    [Fact]
    public async Task Activation_NonJsonContentType_415()
    {
        var serial = await RegisterAsync();
        var request = System.Text.Encoding.UTF8.GetString(HttpEvents.Build(HttpEvents.Alb, "POST", $"/devices/{serial}/thermostat-0001/activation", HttpEvents.ActivationBody(Code)))
            .Replace("\"content-type\": \"application/json\"", "\"content-type\": \"text/plain\"", StringComparison.Ordinal);

        var answer = HttpAnswer.Parse(await _function.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(request), _context));

        Assert.Equal((415, "unsupported_media_type"), (answer.StatusCode, answer.Error));
    }

    [Fact]
    public async Task Activation_BodyFlaggedBase64ButNot_400InvalidRequestInCallersFormat()
    {
        var request = System.Text.Encoding.UTF8.GetString(HttpEvents.Build(HttpEvents.AlbMultiValue, "POST", "/devices/SN-1/c1/activation", "%%% not base64 %%%"))
            .Replace("\"isBase64Encoded\": false", "\"isBase64Encoded\": true", StringComparison.Ordinal);

        var answer = HttpAnswer.Parse(await _function.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(request), _context));

        Assert.Equal((400, "invalid_request"), (answer.StatusCode, answer.Error));
        Assert.NotNull(answer.MultiValueHeaders);
    }

    private async Task<string> RegisterAsync()
    {
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..12];
        await _function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", serial), _context);
        return serial;
    }

    private async Task<HttpAnswer> InvokeAsync(string template, string method, string path, string? body = null, bool base64 = false) =>
        HttpAnswer.Parse(await _function.InvokeAsync(HttpEvents.Build(template, method, path, body, base64), _context));
}
