using System.Collections.Immutable;
using LambdaSuite.Data.Mailing;

namespace SesFeedback.Feedback;

/// <summary>One SES event for one recipient, with the message context the mailing table keeps.</summary>
internal sealed record FeedbackEvent(string Address, MailingEvent Event)
{
    public string? Sender { get; init; }

    public string? ConfigurationSet { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<string>> Tags { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;
}
