namespace IotRegistry.Http;

/// <summary><c>error</c> values the HTTP door adds to the input and outcome codes.</summary>
internal static class HttpErrorCodes
{
    public const string RouteNotFound = "route_not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidRequest = "invalid_request";
    public const string InternalError = "internal_error";
}
