namespace LambdaSuite.Harness.Runtime;

/// <summary>A POST a recording <see cref="LocalRuntimeApi"/> received (response, error or init error), kept as raw wire data for assertions.</summary>
/// <param name="Path">The request target after <c>/2018-06-01/runtime</c>, exactly as the client escaped it.</param>
public sealed record RecordedPost(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
