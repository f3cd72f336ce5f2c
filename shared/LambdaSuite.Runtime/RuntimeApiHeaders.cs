namespace LambdaSuite.Runtime;

/// <summary>Header names of the Lambda Runtime API (version 2018-06-01), shared by the client and local servers.</summary>
public static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The environment variable the official runtimes set to the current trace header, read by X-Ray SDKs.</summary>
    public const string TraceIdEnvironmentVariable = "_X_AMZN_TRACE_ID";

    /// <summary>The environment variable holding the Runtime API's host:port.</summary>
    public const string RuntimeApiEnvironmentVariable = "AWS_LAMBDA_RUNTIME_API";
}
