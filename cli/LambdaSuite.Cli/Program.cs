using System.CommandLine;
using LambdaSuite.Cli;

var root = new RootCommand("LambdaSuite: four event-driven Lambda functions and the tools to run, test and measure them.");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
