using LambdaSuite.Data.Mailing;
using LambdaSuite.Runtime;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace SesFeedback;

/// <summary>
/// What SesFeedback lets other projects use (STYLE 16): the handler as <c>Program.cs</c> builds it, and the
/// unsuppress command through the function's own rules. Everything else in the function stays internal.
/// </summary>
public static class SesFeedbackEntry
{
    /// <summary>The handler <c>Program.cs</c> hands to the runtime host.</summary>
    public static ILambdaFunction Create(Func<string, string?> environment) => SesFeedbackFunction.Create(environment);

    /// <summary>
    /// Lifts a suppression by hand (<c>suite mailing unsuppress</c>) under the soft-bounce policy the function reads
    /// from <paramref name="environment"/>; throws <see cref="InvalidFeedbackException"/> for a bad address or reason.
    /// </summary>
    public static Task<UnsuppressResult> UnsuppressAsync(
        Func<string, string?> environment, MailingStore store, string address, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = SesFeedbackSettings.Read(environment);
        return new FeedbackService(store, new MailingRules(settings.SoftBouncePolicy)).UnsuppressAsync(address, reason, now, cancellationToken);
    }
}
