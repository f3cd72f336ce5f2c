namespace LambdaSuite.Data.Fanout;

/// <summary>
/// How many source records become one outgoing message. None: one each. Json: a JSON array of the records.
/// Concat: the bytes end to end (with <c>appendNewlines</c>, one per line). ConcatBase64: each record base64, one per line.
/// </summary>
public enum CollapseMode
{
    None,
    Json,
    Concat,
    ConcatBase64,
}
