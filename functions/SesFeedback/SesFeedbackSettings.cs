using System.Globalization;
using LambdaSuite.Data.Tables;
using SesFeedback.Mailing;

namespace SesFeedback;

/// <summary>
/// SesFeedback's settings, read once at init by <see cref="Read"/>. Every one has a default that works against the
/// local stack; the function's README lists them.
/// </summary>
public sealed record SesFeedbackSettings(string TableName, SoftBouncePolicy SoftBouncePolicy)
{
    public static SesFeedbackSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var limit = ReadNumber(environment, Variables.SoftBounceLimit, SoftBouncePolicy.Default.Limit, min: 1, max: 1000);
        var days = ReadNumber(environment, Variables.SoftBounceWindowDays, SoftBouncePolicy.Default.Window.TotalDays, min: 0.001, max: 3650);
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

    /// <summary>The environment variables <see cref="Read"/> looks at, named once here (serverless.template sets exactly <see cref="All"/>; a template test holds it to that).</summary>
    public static class Variables
    {
        /// <summary>The mailing table's name (default <c>mailing</c>); the name lives with the table's definition.</summary>
        public static string Table => TableCatalog.Mailing.EnvironmentVariable;

        /// <summary>Soft bounces within the window that suppress an address (default 3).</summary>
        public const string SoftBounceLimit = "SOFT_BOUNCE_LIMIT";

        /// <summary>The soft-bounce window in days (default 7).</summary>
        public const string SoftBounceWindowDays = "SOFT_BOUNCE_WINDOW_DAYS";

        public static IReadOnlyList<string> All { get; } = [Table, SoftBounceLimit, SoftBounceWindowDays];
    }
}
