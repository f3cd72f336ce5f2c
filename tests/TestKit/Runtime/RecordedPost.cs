namespace LambdaSuite.TestKit.Runtime;

/// <summary>A POST the stub received (response, error or init error), kept as raw wire data for assertions.</summary>
public sealed record RecordedPost(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
