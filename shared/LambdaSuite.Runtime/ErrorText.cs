using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace LambdaSuite.Runtime;

/// <summary>
/// The text a user or an operator reads for an exception. The Native AOT bootstraps are built with
/// <c>UseSystemResourceKeys</c> (smaller, faster to start), which replaces every framework message with its
/// resource key ("TaskCanceledException_ctor_DefaultMessage", "Arg_ParamName_Name, x"). Such a message is replaced
/// here by a sentence built from the exception's type and data; the project's own messages pass through unchanged.
/// </summary>
public static class ErrorText
{
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (exception is JsonException json && IsDepthError(message))
        {
            return $"The JSON is nested too deep (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
        }

        return LooksLikeResourceKey(message) ? Describe(exception) : message;
    }

    /// <summary>
    /// A message made fit to stand inside a sentence of this project's (in parentheses, after a colon): on one line,
    /// without its closing period, and "no message" when there is none.
    /// </summary>
    public static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no message" : text.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    /// <summary>
    /// True for "Some_Key …" and "PascalCaseKey, arg …": a first word that is one identifier with an underscore and a
    /// lower-case letter, or a long one of several capitals that ends the message or is followed by a comma. Sentences (this project's,
    /// the services', the operating system's) do not start that way.
    /// </summary>
    public static bool LooksLikeResourceKey(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return true;
        }

        var end = message.AsSpan().IndexOfAny(' ', ',');
        var word = end < 0 ? message : message[..end];
        if (word.Length < 8 || !word.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return false;
        }

        var endsPhrase = end < 0 || message[end] == ',';
        // Keys mix cases; an all-capitals word is an environment variable this project's messages may start with.
        if (!word.Any(char.IsAsciiLetterLower))
        {
            return false;
        }

        return word.Contains('_', StringComparison.Ordinal) || (endsPhrase && word.Length >= 12 && word.Count(char.IsAsciiLetterUpper) >= 3);
    }

    private static bool IsDepthError(string message) =>
        message.Contains("DepthTooLarge", StringComparison.Ordinal) || message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static string Describe(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException => "The operation timed out or was cancelled before it finished.",
        HttpRequestException { InnerException: SocketException socket } => $"The HTTP request failed: {Socket(socket.SocketErrorCode)}.",
        HttpRequestException { StatusCode: { } status } => $"The HTTP request failed with status {(int)status}.",
        HttpRequestException => "The HTTP request failed before an answer came (connection or protocol error).",
        SocketException socket => $"The network call failed: {Socket(socket.SocketErrorCode)}.",
        ArgumentNullException argument => $"A required value{Name(argument.ParamName)} was missing.",
        ArgumentOutOfRangeException argument => $"A value{Name(argument.ParamName)} was out of range.",
        ArgumentException argument => $"A value{Name(argument.ParamName)} was not valid.",
        JsonException json => $"The input is not well-formed JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
        FormatException => "A value was not in the expected format.",
        IOException => "A connection or file operation failed.",
        OutOfMemoryException => "The function ran out of memory.",
        _ => $"The function failed with {exception.GetType().Name} (this build carries no framework message text).",
    };

    private static string Name(string? parameter) => string.IsNullOrEmpty(parameter) ? "" : $" ({parameter})";

    private static string Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "the connection was refused (nothing listens at that address, or a firewall rejects it)",
        SocketError.TimedOut => "the connection timed out",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the host name could not be resolved",
        SocketError.ConnectionReset => "the connection was reset by the peer",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network or host is unreachable",
        _ => "socket error " + ((int)error).ToString(CultureInfo.InvariantCulture),
    };
}
