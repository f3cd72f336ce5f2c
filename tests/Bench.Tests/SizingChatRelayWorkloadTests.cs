using System.Text;
using System.Text.Json;
using LambdaSuite.Bench;

namespace Bench.Tests;

/// <summary>ChatRelay's sizing bodies are the longest the relay takes (10,000 characters, within its 64 KiB), and a refused answer spoils the run.</summary>
public sealed class SizingChatRelayWorkloadTests
{
    private const int MaxBodyBytes = 64 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(39)]
    public void ChatLargestHtmlBody_Round_ExactlyTenThousandCharactersWithinTheBodyLimit(int round)
    {
        var body = SizingWorkloads.ChatLargestHtmlBody(round);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(10_000, json.RootElement.GetProperty("message").GetString()!.EnumerateRunes().Count());
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, MaxBodyBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(39)]
    public void ChatLargestFormBody_Round_ExactlyTenThousandCharactersCloseToTheBodyLimit(int round)
    {
        var body = SizingWorkloads.ChatLargestFormBody(round);

        var message = Uri.UnescapeDataString(body.Split('&')[0]["message=".Length..]);
        Assert.Equal(10_000, message.EnumerateRunes().Count());
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 55_000, MaxBodyBytes);
    }

    [Theory]
    [InlineData("""{"statusCode":204,"headers":{}}""", null)]
    [InlineData("", null)]
    [InlineData("""{"statusCode":400,"body":"The field 'message' is required."}""", "HTTP 400: The field 'message' is required.")]
    public void ChatAnswerProblem_Answer_OnlyNonSuccessIsAProblem(string answer, string? problem)
    {
        Assert.Equal(problem, SizingWorkloads.ChatAnswerProblem(Encoding.UTF8.GetBytes(answer)));
    }
}
