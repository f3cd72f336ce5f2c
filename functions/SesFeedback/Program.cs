using LambdaSuite.Runtime;
using SesFeedback;

return await LambdaHost.RunAsync(() => SesFeedbackFunction.Create(Environment.GetEnvironmentVariable));
