using System.Diagnostics;

namespace Template.Tests.Support;

/// <summary>
/// AWS's own CloudFormation linter (cfn-lint, which runs the real SAM transform) as a process. A machine without
/// it gets it installed once with pip; if that fails too, every lint test fails with a sentence saying so, never a
/// skip, so a CI machine cannot pass without having asked AWS's tool.
/// </summary>
public static class CfnLint
{
    private static readonly Lazy<string> s_executable = new(FindOrInstall);

    /// <summary>Lints one template; exit code 0 and no output mean no error, warning or informational finding.</summary>
    public static (int ExitCode, string Output) Run(string templatePath)
    {
        // parseable: one finding per line (file:line:col:...:rule:message), which reads well in a failure message.
        return Execute(s_executable.Value, "--format", "parseable", "--", templatePath);
    }

    private static string FindOrInstall()
    {
        if (Locate() is { } found)
        {
            return found;
        }

        var (exitCode, output) = Execute("python3", "-m", "pip", "install", "--quiet", "cfn-lint");
        return Locate() ?? throw new Xunit.Sdk.XunitException(
            $"cfn-lint is not installed and 'python3 -m pip install cfn-lint' did not provide it (exit {exitCode}): {output.Trim()} Install cfn-lint (pip install cfn-lint) and run the tests again.");
    }

    private static string? Locate()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "bin"));
        return folders.Select(f => Path.Combine(f, "cfn-lint")).FirstOrDefault(File.Exists);
    }

    private static (int ExitCode, string Output) Execute(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, $"{program} could not be started: {missing.Message}.");
        }
    }
}
