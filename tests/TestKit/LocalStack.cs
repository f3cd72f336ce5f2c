using LambdaSuite.TestKit.Emulator;

namespace LambdaSuite.TestKit;

/// <summary>
/// Where the local stack's servers listen, read from the variables <c>./suite stack up</c> exports
/// (or a person's LocalStack through <c>AWS_ENDPOINT_URL</c>). Integration tests call these; a missing
/// server is a clear failure, never a silent skip.
/// </summary>
public static class LocalStack
{
    public static Uri DynamoDb => RequireUri("AWS_ENDPOINT_URL_DYNAMODB");

    public static Uri DynamoDbStreams => RequireUri("AWS_ENDPOINT_URL_DYNAMODB_STREAMS");

    public static Uri Kinesis => RequireUri("AWS_ENDPOINT_URL_KINESIS");

    /// <summary>
    /// The third-party stand-in for the AWS services with no local server: the stack's moto, or the LocalStack
    /// container <see cref="AwsEmulator"/> started when <c>./suite test --emulator localstack</c> asked for one.
    /// </summary>
    public static Uri Moto => AwsEmulator.Shared.Endpoint;

    /// <summary>The stack's own moto (it points every such service at one port), whatever emulator the tests use.</summary>
    public static Uri StackMoto => RequireUri("AWS_ENDPOINT_URL_SECRETS_MANAGER");

    /// <summary>The BIND 9 primary, as host:port (<c>SUITE_DNS_PRIMARY</c>).</summary>
    public static string DnsPrimary => Require("SUITE_DNS_PRIMARY");

    /// <summary>The second BIND 9 that takes TSIG-signed RFC 2136 updates (<c>SUITE_DNS_SECONDARY</c>).</summary>
    public static string DnsSecondary => Require("SUITE_DNS_SECONDARY");

    /// <summary>The stack's TSIG key as name:algorithm:base64secret (<c>SUITE_DNS_TSIG</c>).</summary>
    public static string DnsTsigKey => Require("SUITE_DNS_TSIG");

    /// <summary>Redis as host:port (<c>SUITE_REDIS</c>).</summary>
    public static string Redis => Require("SUITE_REDIS");

    /// <summary>The Redis cluster's three masters as <c>host:port,host:port,host:port</c> (<c>SUITE_REDIS_CLUSTER</c>).</summary>
    public static string RedisCluster => Require("SUITE_REDIS_CLUSTER");

    /// <summary>Memcached as host:port (<c>SUITE_MEMCACHED</c>).</summary>
    public static string Memcached => Require("SUITE_MEMCACHED");

    /// <summary>The stack's mosquitto as host:port (<c>SUITE_MQTT</c>; its PKI folder and topic prefix are beside it in .stack/env).</summary>
    public static string Mqtt => Require("SUITE_MQTT");

    public static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{variable} is not set: start the local stack with `./suite stack up` and load its variables (`eval \"$(./suite stack env)\"`), or run `./suite test`.")
            : value;
    }

    private static Uri RequireUri(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable) ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(value) ? new Uri(Require(variable)) : new Uri(value);
    }
}
