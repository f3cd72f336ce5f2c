using LambdaSuite.Bench;

return await BenchCommands.Create().Parse(args).InvokeAsync();
