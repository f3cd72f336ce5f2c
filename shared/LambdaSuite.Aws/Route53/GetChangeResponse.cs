namespace LambdaSuite.Aws.Route53;

public sealed record GetChangeResponse(ChangeInfo ChangeInfo);
