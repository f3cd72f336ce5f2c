using LambdaSuite.Data.Tables;

namespace ChatRelay;

/// <summary>
/// ChatRelay's settings, read once at init by <see cref="Read"/>; the function's README lists them. The Slack bot
/// token lives in the Secrets Manager secret <c>SLACK_BOT_TOKEN_SECRET_ARN</c> names, never in a variable (anyone
/// allowed to read the function's configuration would read it). Without the ARN the function still starts (the
/// table and the HipChat checks work) and answers each post that needs Slack with a 503 naming the variable.
/// </summary>
/// <param name="TableName">The chatRelay table.</param>
/// <param name="SlackBotTokenSecretArn">The secret holding the bot token; null when not configured.</param>
/// <param name="SlackBotTokenSecretRegion">The region the ARN names, where the secret is read.</param>
/// <param name="SlackApiUrl">Slack's Web API base, ending in '/'.</param>
/// <param name="AlertChannel">The Slack channel id for the suite's alerts; null: alerts are logged and dropped.</param>
public sealed record ChatRelaySettings(string TableName, string? SlackBotTokenSecretArn, string? SlackBotTokenSecretRegion, Uri SlackApiUrl, string? AlertChannel)
{
    public static readonly Uri DefaultSlackApiUrl = new("https://slack.com/api/");

    public static ChatRelaySettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var arn = environment(Variables.SlackBotTokenSecretArn)?.Trim();
        arn = string.IsNullOrEmpty(arn) ? null : arn;
        return new ChatRelaySettings(
            TableCatalog.ChatRelay.ResolveName(environment),
            arn,
            arn is null ? null : SecretRegion(arn),
            ReadApiUrl(environment),
            ReadChannel(environment));
    }

    private static Uri ReadApiUrl(Func<string, string?> environment)
    {
        var text = environment(Variables.SlackApiUrl)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultSlackApiUrl;
        }

        // Slack's methods are relative to the base (base + "chat.postMessage"), so the base must end in '/'.
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) && string.IsNullOrEmpty(url.Query)
            ? url
            : throw new InvalidOperationException(
                $"{Variables.SlackApiUrl} must be an https URL of Slack's Web API such as {DefaultSlackApiUrl} (plain http only on this machine, for a local stub), not '{text}'.");
    }

    private static string? ReadChannel(Func<string, string?> environment)
    {
        var text = environment(Variables.AlertChannel)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= 80 && text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? text
            : throw new InvalidOperationException(
                $"{Variables.AlertChannel} must be a Slack channel id such as C0123456789 (letters and digits), not '{text}'; leave it empty to log alerts instead.");
    }

    /// <summary>The region of <c>arn:{partition}:secretsmanager:{region}:{account}:secret:{name}</c>; anything else is refused.</summary>
    private static string SecretRegion(string arn)
    {
        var parts = arn.Split(':', 7);
        return parts.Length == 7 && parts[0] == "arn" && parts[2] == "secretsmanager" && parts[3].Length > 0 && parts[5] == "secret" && parts[6].Length > 0
            ? parts[3]
            : throw new InvalidOperationException(
                $"{Variables.SlackBotTokenSecretArn} must be a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), not '{arn}'.");
    }

    /// <summary>The environment variables <see cref="Read"/> looks at, named once here (serverless.template sets exactly <see cref="All"/>).</summary>
    public static class Variables
    {
        /// <summary>The chatRelay table's name (default <c>chatRelay</c>); the name lives with the table's definition.</summary>
        public static string Table => TableCatalog.ChatRelay.EnvironmentVariable;

        /// <summary>The Secrets Manager secret holding the Slack bot token (its SecretString, or JSON <c>{"token":"…"}</c>).</summary>
        public const string SlackBotTokenSecretArn = "SLACK_BOT_TOKEN_SECRET_ARN";

        /// <summary>Slack's Web API base (default https://slack.com/api/).</summary>
        public const string SlackApiUrl = "SLACK_API_URL";

        /// <summary>The Slack channel id the suite's alerts go to (default none: logged and dropped).</summary>
        public const string AlertChannel = "ALERT_CHANNEL";

        public static IReadOnlyList<string> All { get; } = [Table, SlackBotTokenSecretArn, SlackApiUrl, AlertChannel];
    }
}
