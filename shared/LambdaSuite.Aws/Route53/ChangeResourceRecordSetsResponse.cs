namespace LambdaSuite.Aws.Route53;

public sealed record ChangeResourceRecordSetsResponse(ChangeInfo ChangeInfo);
