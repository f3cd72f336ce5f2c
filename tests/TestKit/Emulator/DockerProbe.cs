using System.Diagnostics;

namespace LambdaSuite.TestKit.Emulator;

/// <summary>Whether a Docker engine answers here, asked through the docker CLI with a bound wait.</summary>
public static class DockerProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    /// <summary>Null when the engine answers; otherwise the reason, as a sentence that says what to do.</summary>
    public static string? WhyUnusable()
    {
        var startInfo = new ProcessStartInfo("docker") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("version");
        startInfo.ArgumentList.Add("--format");
        startInfo.ArgumentList.Add("{{.Server.APIVersion}}");
        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "the docker CLI is not installed (scripts/stack/containers/docker-engine.sh start installs an engine).";
        }

        using (process)
        {
            if (process is null)
            {
                return "the docker CLI could not be started.";
            }

            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                return $"the Docker engine gave no answer within {s_timeout.TotalSeconds} s.";
            }

            return process.ExitCode == 0
                ? null
                : $"no Docker engine answers ({error.Result.Trim()}); start one with scripts/stack/containers/docker-engine.sh start.";
        }
    }
}
