using System.Globalization;
using LambdaSuite.Data.Tables;
using SesFeedback.Mailing;

namespace SesFeedback;

/// <summary>
/// Settings read once at init. Every one has a default that works against the local stack.
/// MAILING_TABLE (default <c>mailing</c>), SOFT_BOUNCE_LIMIT (3), SOFT_BOUNCE_WINDOW_DAYS (7).
/// </summary>
public sealed record SesFeedbackSettings(string TableName, SoftBouncePolicy SoftBouncePolicy)
{
    public const string SoftBounceLimitVariable = "SOFT_BOUNCE_LIMIT";
    public const string SoftBounceWindowDaysVariable = "SOFT_BOUNCE_WINDOW_DAYS";

    /// <summary>Every variable <see cref="Read"/> looks at; serverless.template sets exactly these (a template test holds it to this list).</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } = [TableCatalog.Mailing.EnvironmentVariable, SoftBounceLimitVariable, SoftBounceWindowDaysVariable];

    public static SesFeedbackSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var limit = ReadNumber(environment, SoftBounceLimitVariable, SoftBouncePolicy.Default.Limit, min: 1, max: 1000);
        var days = ReadNumber(environment, SoftBounceWindowDaysVariable, SoftBouncePolicy.Default.Window.TotalDays, min: 0.001, max: 3650);
        return new SesFeedbackSettings(TableCatalog.Mailing.ResolveName(environment), new SoftBouncePolicy((int)limit, TimeSpan.FromDays(days)));
    }

    private static double ReadNumber(Func<string, string?> environment, string name, double fallback, double min, double max)
    {
        var raw = environment(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{raw}'.");
    }
}
