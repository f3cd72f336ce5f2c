using System.CommandLine;
using LambdaSuite.Demo;

// `./suite demo` runs this program's `demo` command once the stack is up and the bootstraps are packaged.
var root = new RootCommand("LambdaSuite demo: every function end to end against the local stack.") { DemoCommand.Create() };
return await root.Parse(args).InvokeAsync();
