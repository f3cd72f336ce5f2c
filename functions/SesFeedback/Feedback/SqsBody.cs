using System.Text;
using LambdaSuite.Events;

namespace SesFeedback.Feedback;

/// <summary>An SQS body holds either SNS's envelope (a queue subscribed to the topic) or, with raw message delivery, the SES message itself.</summary>
internal static class SqsBody
{
    public static string SesMessageOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidFeedbackException("SQS message has an empty body");
        }

        if (EventJson.TryParse(Encoding.UTF8.GetBytes(body), EventsJsonContext.Default.SnsMessage, out var envelope)
            && envelope.Type == "Notification" && envelope.Message is not null)
        {
            return envelope.Message;
        }

        return body;
    }
}
