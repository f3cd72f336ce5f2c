namespace LambdaSuite.Bench;

/// <param name="Requests">DynamoDB operations sent for the attempt, by name, as counted on the client.</param>
public sealed record IotBenchRequestCount(string Attempt, int Status, IReadOnlyDictionary<string, int> Requests)
{
    public int Total => Requests.Values.Sum();
}
