using System.Text;
using System.Text.Json;
using LambdaSuite.Runtime;

namespace LambdaSuite.Harness.Runtime;

/// <summary>What a runtime POSTed for one invocation: the response, or an error document with its type header.</summary>
/// <param name="ReceivedTimestamp">A <see cref="System.Diagnostics.Stopwatch"/> timestamp taken when the POST body was read.</param>
public sealed record InvocationOutcome(string RequestId, bool IsError, byte[] Body, string? ErrorTypeHeader, long ReceivedTimestamp)
{
    /// <summary>The error document; a body that is not one is kept as the message so nothing a runtime said is lost.</summary>
    public LambdaError? Error
    {
        get
        {
            if (!IsError)
            {
                return null;
            }

            try
            {
                return LambdaError.Parse(Body);
            }
            catch (JsonException)
            {
                return new LambdaError(Encoding.UTF8.GetString(Body), ErrorTypeHeader ?? "", []);
            }
        }
    }
}
