namespace LambdaSuite.Runtime;

public enum LambdaLogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}
