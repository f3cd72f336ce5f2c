namespace LambdaSuite.Aws.Route53;

/// <summary>One value of a record set, in Route 53's text form (TXT values keep their quotes).</summary>
public sealed record ResourceRecord(string Value);
