using System.Text;

namespace LambdaSuite.Demo;

/// <summary>Writes each line it is given indented by four spaces, so a function's plan reads as part of the scene.</summary>
internal sealed class IndentedWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void WriteLine(string? value) => inner.WriteLine("    " + value);

    public override void Write(char value) => inner.Write(value);
}
