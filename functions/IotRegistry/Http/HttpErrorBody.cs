namespace IotRegistry.Http;

/// <summary>The JSON body of every HTTP error: a stable <see cref="Error"/> code clients can switch on, and words for people.</summary>
internal sealed record HttpErrorBody(string Error, string Message, string? Field = null, long? RetryAfterSeconds = null);
