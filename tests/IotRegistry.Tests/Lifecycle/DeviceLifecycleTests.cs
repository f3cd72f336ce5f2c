using System.Text.Json;
using IotRegistry.Tests.Support;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Lifecycle;

/// <summary>Transfer, unbind, deregister and history through the handler's doors, against DynamoDB Local.</summary>
[Trait("Category", "Integration")]
public sealed class DeviceLifecycleTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    [Fact]
    public async Task Transfer_ConcurrentOwnerProofs_ExactlyOneWinnerAndOneHistoryLine()
    {
        var scenario = new LifecycleScenario(table, lockout: new(100, TimeSpan.FromMinutes(15)));
        var key = await scenario.RegisterAndActivateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => scenario.TransferByOwnerAsync(key, $"buyer{i}@example.com"))));
        var device = await scenario.HttpAsync(HttpEvents.Alb, "GET", $"/devices/{key.SerialNumber}/{key.ClientId}");
        var history = await scenario.AdminAsync("GET", key, "history");

        var winner = Assert.Single(answers, a => a.StatusCode == 200);
        Assert.All(answers.Where(a => a.StatusCode != 200), a => Assert.Contains(a.Error, new[] { "conflict", "wrong_proof" }));
        Assert.Equal(winner.Json.GetProperty("owner").GetString(), device.Json.GetProperty("owner").GetString());
        Assert.Single(Actions(history), a => a == "transfer");
    }

    [Fact]
    public async Task Transfer_WrongProofs_CountedThenLockedEvenForTheRightProof()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var wrong = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            wrong.Add((await scenario.TransferByOwnerAsync(key, "mallory@example.com", code: "WRONG-CODE-" + i)).StatusCode);
        }

        var right = await scenario.TransferByOwnerAsync(key, "buyer@example.com");

        // The activation counted one attempt in the same window, so four wrong proofs reach the five of the policy.
        Assert.Equal([403, 403, 403, 403, 429, 429], wrong);
        Assert.Equal(429, right.StatusCode);
        Assert.NotNull(right.Header("Retry-After"));
    }

    [Fact]
    public async Task Transfer_OwnerProofWithWrongEmail_403AndOwnerUnchanged()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var answer = await scenario.TransferByOwnerAsync(key, "buyer@example.com", owner: "someone@example.com");
        var device = await scenario.HttpAsync(HttpEvents.Alb, "GET", $"/devices/{key.SerialNumber}/{key.ClientId}");

        Assert.Equal((403, "wrong_proof"), (answer.StatusCode, answer.Error));
        Assert.Equal("o***@example.com", device.Json.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Transfer_RightOwnerProofOverAlb_200NewOwnerMaskedAndNoProofInAnswer()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var answer = await scenario.TransferByOwnerAsync(key, "buyer@example.com");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("b***@example.com", answer.Json.GetProperty("owner").GetString());
        Assert.DoesNotContain(LifecycleScenario.Code, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_AdministratorWithoutProof_200AndHistoryNamesTheCaller()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var answer = await scenario.AdminAsync("POST", key, "transfer", HttpEvents.TransferBody("buyer@example.com"));
        var history = await scenario.AdminAsync("GET", key, "history");

        Assert.Equal(200, answer.StatusCode);
        var transfer = history.Json.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(HttpEvents.AdministratorArn, transfer.GetProperty("actor").GetString());
        Assert.Equal("apigateway-v2", transfer.GetProperty("door").GetString());
    }

    [Fact]
    public async Task Transfer_AlbWithoutProof_400MissingFieldAndNothingCounted()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var before = (await table.Catalog.GetAsync(key))!.FailedAttempts;

        var answer = await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "transfer"), HttpEvents.TransferBody("buyer@example.com"));

        Assert.Equal((400, "missing_field"), (answer.StatusCode, answer.Error));
        Assert.Equal(before, (await table.Catalog.GetAsync(key))!.FailedAttempts);
    }

    [Fact]
    public async Task Unbind_ThenReactivation_WorksWithTheNewCodeOnly()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var unbind = await scenario.AdminAsync("POST", key, "unbind");
        var newCode = unbind.Json.GetProperty("activationCode").GetString()!;
        var oldCode = JsonDocument.Parse(await scenario.IotAsync(LifecycleScenario.Activation(key, LifecycleScenario.Code))).RootElement;
        var oldOverHttp = await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "activation"), HttpEvents.ActivationBody(LifecycleScenario.Code));
        var withNew = await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "activation"), HttpEvents.ActivationBody(newCode, "buyer@example.com"));

        Assert.Equal(200, unbind.StatusCode);
        Assert.False(unbind.Json.GetProperty("device").GetProperty("activated").GetBoolean());
        Assert.NotEqual(LifecycleScenario.Code, newCode);
        Assert.Equal("wrong_code", oldCode.GetProperty("error").GetString());
        Assert.Equal(403, oldOverHttp.StatusCode);
        Assert.Equal(200, withNew.StatusCode);
        Assert.Equal("b***@example.com", withNew.Json.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task UnbindAndDeregister_OverAlb_403AdministratorRequiredAndDeviceUnchanged()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();

        var unbind = await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "unbind"));
        var deregister = await scenario.HttpAsync(HttpEvents.ApiGatewayV2, "POST", LifecycleScenario.Path(key, "deregister"));
        var device = await scenario.HttpAsync(HttpEvents.Alb, "GET", $"/devices/{key.SerialNumber}/{key.ClientId}");

        Assert.Equal((403, "administrator_required"), (unbind.StatusCode, unbind.Error));
        Assert.Equal((403, "administrator_required"), (deregister.StatusCode, deregister.Error));
        Assert.True(device.Json.GetProperty("activated").GetBoolean());
    }

    [Fact]
    public async Task Deregister_ThenEveryDoorRefuses()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAsync();

        var retired = await scenario.AdminAsync("POST", key, "deregister");
        var register = JsonDocument.Parse(await scenario.IotAsync(LifecycleScenario.Registration(key))).RootElement;
        var activateIot = JsonDocument.Parse(await scenario.IotAsync(LifecycleScenario.Activation(key, LifecycleScenario.Code))).RootElement;
        var activateHttp = await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "activation"), HttpEvents.ActivationBody(LifecycleScenario.Code));
        var transfer = await scenario.AdminAsync("POST", key, "transfer", HttpEvents.TransferBody("buyer@example.com"));
        var ownerTransfer = await scenario.TransferByOwnerAsync(key, "buyer@example.com");
        var unbind = await scenario.AdminAsync("POST", key, "unbind");
        var again = await scenario.AdminAsync("POST", key, "deregister");
        var hook = JsonDocument.Parse(await scenario.HookAsync(key, "abc123")).RootElement;
        var history = await scenario.AdminAsync("GET", key, "history");

        Assert.Equal(200, retired.StatusCode);
        Assert.NotNull(retired.Json.GetProperty("deregisteredAt").GetString());
        Assert.Equal((410, "device_deregistered"), (register.GetProperty("status").GetInt32(), register.GetProperty("error").GetString()));
        Assert.Equal((410, "device_deregistered"), (activateIot.GetProperty("status").GetInt32(), activateIot.GetProperty("error").GetString()));
        Assert.Equal((403, "wrong_code"), (activateHttp.StatusCode, activateHttp.Error));
        Assert.Equal((410, "device_deregistered"), (transfer.StatusCode, transfer.Error));
        Assert.Equal((403, "wrong_proof"), (ownerTransfer.StatusCode, ownerTransfer.Error));
        Assert.Equal((410, "device_deregistered"), (unbind.StatusCode, unbind.Error));
        Assert.Equal((410, "device_deregistered"), (again.StatusCode, again.Error));
        Assert.False(hook.GetProperty("allowProvisioning").GetBoolean());
        Assert.Equal(["register", "deregister"], Actions(history));
    }

    [Fact]
    public async Task History_WholeLifecycle_OldestFirstWithDoorsAndMaskedActors()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAndActivateAsync();
        await scenario.TransferByOwnerAsync(key, "buyer@example.com");
        await scenario.AdminAsync("POST", key, "unbind");
        await scenario.AdminAsync("POST", key, "deregister");

        var history = await scenario.HttpAsync(HttpEvents.Alb, "GET", LifecycleScenario.Path(key, "history"));

        Assert.Equal(200, history.StatusCode);
        var lines = history.Json.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["register", "activate", "transfer", "unbind", "deregister"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(["iot-rule", "alb", "alb", "apigateway-v2", "apigateway-v2"], lines.Select(l => l.GetProperty("door").GetString()));
        Assert.Equal(["registered", "activated", "transferred", "unbound", "deregistered"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal("o***@example.com", lines[1].GetProperty("actor").GetString());
        Assert.Equal("o***@example.com", lines[2].GetProperty("actor").GetString());
        Assert.Equal(lines.Select(l => l.GetProperty("at").GetString()).Order(StringComparer.Ordinal), lines.Select(l => l.GetProperty("at").GetString()));
        Assert.False(history.Json.TryGetProperty("next", out _));
        Assert.DoesNotContain("owner@example.com", history.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_UnknownDeviceAndBadAfter_404And400()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAsync();

        var unknown = await scenario.AdminAsync("GET", key with { SerialNumber = key.SerialNumber + "-none" }, "history");
        var badAfter = await scenario.AdminAsync("GET", key, "history", query: "after=-1");
        var post = await scenario.AdminAsync("POST", key, "history");

        Assert.Equal((404, "device_not_found"), (unknown.StatusCode, unknown.Error));
        Assert.Equal(400, badAfter.StatusCode);
        Assert.Equal(405, post.StatusCode);
        Assert.Equal("GET", post.Header("Allow"));
    }

    [Fact]
    public async Task Lifecycle_EveryAnswerButTheUnbindAndEveryLogLine_HoldsNoCodeHashOrProof()
    {
        var scenario = new LifecycleScenario(table, lockout: new(100, TimeSpan.FromMinutes(15)));
        var key = await scenario.RegisterAndActivateAsync();
        await scenario.TransferByOwnerAsync(key, "buyer@example.com", code: "WRONG-CODE-1");
        await scenario.TransferByOwnerAsync(key, "buyer@example.com");
        var unbind = await scenario.AdminAsync("POST", key, "unbind");
        var newCode = unbind.Json.GetProperty("activationCode").GetString()!;
        await scenario.HttpAsync(HttpEvents.Alb, "POST", LifecycleScenario.Path(key, "activation"), HttpEvents.ActivationBody(newCode, "third@example.com"));
        await scenario.AdminAsync("GET", key, "history");
        var stored = await table.Catalog.GetAsync(key);

        var secrets = new[] { LifecycleScenario.Code, "WRONG-CODE-1", newCode, stored!.ActivationCodeHmac, "owner@example.com", "buyer@example.com" };
        var answers = scenario.Answers.Where(a => !a.Contains("activationCode", StringComparison.Ordinal)).ToList();
        Assert.Single(scenario.Answers, a => a.Contains(newCode, StringComparison.Ordinal));
        Assert.All(secrets, secret => Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal)));
        Assert.All(secrets, secret => Assert.DoesNotContain(scenario.Context.Lines, l => l.Contains(secret, StringComparison.Ordinal)));
    }

    private static List<string?> Actions(HttpAnswer history) =>
        [.. history.Json.GetProperty("history").EnumerateArray().Select(l => l.GetProperty("action").GetString())];
}
