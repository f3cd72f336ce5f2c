namespace Shared.Tests.Events;

/// <summary>Sample events under TestData/Events, copied next to the test assembly.</summary>
internal static class EventSamples
{
    public static byte[] Load(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Events", fileName));
}
