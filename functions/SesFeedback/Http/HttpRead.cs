using LambdaSuite.Events.Http;

namespace SesFeedback.Http;

/// <summary>
/// An HTTP event as SesFeedback reads it: the normalised request, plus the method and path exactly as the front
/// door sent them (the shared request upper-cases the method), or the sentence saying why it cannot be served.
/// </summary>
internal sealed record HttpRead(HttpEventKind Kind, HttpRequest? Request, string RawMethod, string RawPath, string? Error);
