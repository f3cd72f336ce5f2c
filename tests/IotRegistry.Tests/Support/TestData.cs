namespace IotRegistry.Tests.Support;

/// <summary>Reads files under TestData/ (copied next to the test assembly).</summary>
public static class TestData
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>The file with every occurrence of <paramref name="from"/> replaced, to give each test its own device.</summary>
    public static byte[] BytesWith(string name, string from, string to) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Bytes(name)).Replace(from, to, StringComparison.Ordinal));
}
