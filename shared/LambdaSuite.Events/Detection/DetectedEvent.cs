using LambdaSuite.Events.Http;

namespace LambdaSuite.Events.Detection;

/// <summary>
/// What <see cref="EventShapeDetector.Read"/> found: the event's shape, for an HTTP event its front door (so the
/// parser reads the event as that format at once, without detecting again), and how many bytes of the event the
/// detector read to decide.
/// </summary>
/// <param name="Shape">The event's shape.</param>
/// <param name="HttpKind">The HTTP format when <paramref name="Shape"/> is <see cref="EventShape.Http"/>; otherwise meaningless.</param>
/// <param name="BytesRead">
/// How far the detector read: up to the first record's event source for a records event, the whole event for the
/// other shapes (whose markers may sit anywhere at the top level).
/// </param>
public readonly record struct DetectedEvent(EventShape Shape, HttpEventKind HttpKind, int BytesRead);
