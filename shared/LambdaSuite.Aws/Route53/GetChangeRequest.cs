namespace LambdaSuite.Aws.Route53;

/// <param name="Id">Bare (<c>C123</c>) or as Route 53 prints it (<c>/change/C123</c>).</param>
public sealed record GetChangeRequest(string Id);
