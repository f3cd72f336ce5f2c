using System.Text.Encodings.Web;
using System.Text.Json;

namespace LambdaSuite.Runtime;

internal static class RuntimeJson
{
    /// <summary>
    /// Log lines and error documents are read by people in CloudWatch, never embedded in HTML, so only what JSON
    /// itself requires is escaped (stack frames keep their '+', '&lt;' and '`' readable).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
