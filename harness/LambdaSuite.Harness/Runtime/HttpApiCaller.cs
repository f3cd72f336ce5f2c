namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// An IAM identity <see cref="HttpApiFrontServer"/> knows: the key pair it checks a signature with, and the ARN API
/// Gateway would write into <c>requestContext.authorizer.iam.userArn</c> for it.
/// </summary>
public sealed record HttpApiCaller(string AccessKeyId, string SecretAccessKey, string UserArn);
