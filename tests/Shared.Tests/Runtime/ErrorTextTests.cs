using System.Net.Sockets;
using System.Text.Json;
using LambdaSuite.Runtime;

namespace Shared.Tests.Runtime;

/// <summary>
/// Issue 19, item 12: a Native AOT build with UseSystemResourceKeys carries resource keys instead of the framework's
/// messages; what a user or an operator reads must still be a sentence. The exceptions below carry the very keys
/// the packaged bootstraps showed.
/// </summary>
public class ErrorTextTests
{
    public static TheoryData<Exception, string> KeyedExceptions => new()
    {
        { new TaskCanceledException("TaskCanceledException_ctor_DefaultMessage"), "timed out or was cancelled" },
        { new ArgumentNullException("queue", "ArgumentNull_Generic"), "required value (queue) was missing" },
        { new ArgumentException("Arg_ParamName_Name, destination"), "not valid" },
        { new JsonException("ExpectedStartOfPropertyNotFound, 0x7B LineNumber: 0 | BytePositionInLine: 1.", null, 0, 1), "not well-formed JSON (line 1, byte 2)" },
        { new JsonException("ArrayDepthTooLarge, 64", null, 2, 70), "nested too deep" },
        { new HttpRequestException("net_http_client_execution_error", new SocketException((int)SocketError.ConnectionRefused)), "connection was refused" },
    };

    [Theory]
    [MemberData(nameof(KeyedExceptions))]
    public void Of_ResourceKeyMessage_SentenceNamingTheProblem(Exception error, string expected)
    {
        var text = ErrorText.Of(error);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("_", text, StringComparison.Ordinal);
        Assert.EndsWith(".", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Connection refused (127.0.0.1:9)")]
    [InlineData("The mapping names no stream.")]
    [InlineData("'x' is not a DynamoDB number.")]
    [InlineData("FANOUT_TARGETS_TABLE names no table.")]
    [InlineData("PROBE_FAIL_INIT")]
    public void Of_OwnSentence_KeptAsIs(string message)
    {
        Assert.Equal(message, ErrorText.Of(new InvalidOperationException(message)));
    }

    [Fact]
    public void FromException_ResourceKeyMessage_ErrorMessageIsASentence()
    {
        var error = LambdaError.FromException(new TaskCanceledException("TaskCanceledException_ctor_DefaultMessage"));

        Assert.DoesNotContain("_ctor_", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("TaskCanceledException", error.ErrorType);
    }

    [Theory]
    [InlineData("User is not authorized.\r\nRequest id: 7.", "User is not authorized. Request id: 7")]
    [InlineData("  plain  ", "plain")]
    [InlineData(" \n ", "no message")]
    [InlineData(null, "no message")]
    public void OneLine_Message_OneLineWithoutClosingPeriod(string? message, string expected)
    {
        var text = ErrorText.OneLine(message);

        Assert.Equal(expected, text);
    }
}
