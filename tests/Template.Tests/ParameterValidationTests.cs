using System.Text.RegularExpressions;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// Parameter constraints refuse, before anything is created, what Lambda or the code would refuse later, and keep
/// the values spliced into the DnsMirror rule's JSON input from breaking out of their strings.
/// </summary>
public class ParameterValidationTests
{
    [Theory]
    [InlineData("ActivationCodeKeySecretArn", "", true)]
    [InlineData("ActivationCodeKeySecretArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:iot/activation-key-AbCdEf", true)]
    [InlineData("ActivationCodeKeySecretArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:iot/activation-key", false)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "-1", true)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "60", true)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "3600", true)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "604800", true)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "0", false)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "59", false)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "604801", false)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "-2", false)]
    [InlineData("FanoutMaximumRecordAgeInSeconds", "60.5", false)]
    [InlineData("DnsMirrorZone", "corp.example.", true)]
    [InlineData("DnsMirrorZone", "_msdcs.corp-1.example", true)]
    [InlineData("DnsMirrorZone", "", true)]
    [InlineData("DnsMirrorZone", "corp\".example.", false)]
    [InlineData("DnsMirrorZone", "corp\\.example.", false)]
    [InlineData("DnsMirrorZone", "a..example.", false)]
    [InlineData("DnsMirrorTsigKeyName", "mirror-key.", true)]
    [InlineData("DnsMirrorTsigKeyName", "key\",\"SecretArn\":\"x", false)]
    [InlineData("DnsMirrorMasters", "10.0.0.53, 10.0.1.53:5353", true)]
    [InlineData("DnsMirrorMasters", "[fd00::53]:53,ns1.corp.example", true)]
    [InlineData("DnsMirrorMasters", "10.0.0.53;rm", false)]
    [InlineData("DnsMirrorHostedZoneId", "Z0123456789ABCDEFGHIJ", true)]
    [InlineData("DnsMirrorHostedZoneId", "Z012\"", false)]
    [InlineData("DnsMirrorScheduleExpression", "rate(15 minutes)", true)]
    [InlineData("DnsMirrorScheduleExpression", "rate(1 hour)", true)]
    [InlineData("DnsMirrorScheduleExpression", "cron(0/10 * * * ? *)", true)]
    [InlineData("DnsMirrorScheduleExpression", "rate(1 minutes)", false)]
    [InlineData("DnsMirrorScheduleExpression", "rate(0 minutes)", false)]
    [InlineData("DnsMirrorScheduleExpression", "cron(0 * * * *)", false)]
    [InlineData("DnsMirrorAuditScheduleExpression", "rate(1 hour)", true)]
    [InlineData("DnsMirrorAuditScheduleExpression", "cron(0 */6 * * ? *)", true)]
    [InlineData("DnsMirrorAuditScheduleExpression", "rate(1 hours)", false)]
    [InlineData("DnsMirrorTsigSecretArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:dns/mirror-key-AbCdEf", true)]
    [InlineData("DnsMirrorTsigSecretArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:x\"}", false)]
    [InlineData("AllowedCidr", "10.0.0.0/8", true)]
    [InlineData("AllowedCidr", "10.0.0.0/33", false)]
    [InlineData("AllowedCidr", "300.0.0.0/8", false)]
    [InlineData("CertificateArn", "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", true)]
    [InlineData("CertificateArn", "arn:aws:iam::111122223333:server-certificate/x", false)]
    [InlineData("ActivationCodeKeySecretArn", "arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:iot/key-AbCdEf", true)]
    [InlineData("ActivationCodeKeySecretArn", "iot/key", false)]
    [InlineData("FanoutKinesisStreamArn", "arn:aws:kinesis:eu-west-1:111122223333:stream/orders", true)]
    [InlineData("FanoutKinesisStreamArn", "arn:aws:kinesis:eu-west-1:111122223333:stream/*", false)]
    [InlineData("FanoutDynamoDbStreamArn", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/2026-01-01T00:00:00.000", true)]
    [InlineData("FanoutDynamoDbStreamArn", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", false)]
    [InlineData("FanoutOnFailureDestinationArn", "arn:aws:sns:eu-west-1:111122223333:failures", true)]
    [InlineData("FanoutOnFailureDestinationArn", "arn:aws:lambda:eu-west-1:111122223333:function:f", false)]
    [InlineData("FanoutAssumeRoleArns", "arn:aws:iam::444455556666:role/fanout-delivery", true)]
    [InlineData("FanoutAssumeRoleArns", "arn:aws:iam::444455556666:user/someone", false)]
    [InlineData("FanoutSubnetIds", "subnet-0a1b2c3d4e5f60718", true)]
    [InlineData("FanoutSubnetIds", "sg-0a1b2c3d4e5f60718", false)]
    public void AllowedPattern_AcceptsWhatTheConsumerTakesAndRefusesTheRest(string parameter, string value, bool accepted)
    {
        var pattern = SamTemplate.Repository.Parameters[parameter].GetProperty("AllowedPattern").GetString()!;

        var matches = Regex.IsMatch(value, pattern);

        Assert.Equal(accepted, matches);
    }

    [Theory]
    [InlineData("FanoutBatchSize", 1, 10000)]
    [InlineData("FanoutMaximumRetryAttempts", -1, 10000)]
    [InlineData("SoftBounceLimit", 1, 1000)]
    [InlineData("SoftBounceWindowDays", 1, 3650)]
    public void NumberParameter_IsBoundedToWhatLambdaAndTheCodeTake(string parameter, int min, int max)
    {
        var declaration = SamTemplate.Repository.Parameters[parameter];

        var bounds = (declaration.GetProperty("MinValue").GetInt32(), declaration.GetProperty("MaxValue").GetInt32());

        Assert.Equal((min, max), bounds);
    }

    [Fact]
    public void DnsMirrorScheduleInputParameters_AllCarryAPattern()
    {
        var input = SamTemplate.Repository.Resource("DnsMirrorSchedule").GetProperty("Properties").GetProperty("Targets")[0].GetProperty("Input").ToString();

        var spliced = Regex.Matches(input, @"\$\{([A-Za-z0-9]+)\}").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(spliced);
        Assert.All(spliced, p => Assert.True(SamTemplate.Repository.Parameters[p].TryGetProperty("AllowedPattern", out _), $"{p} is spliced into the rule's JSON input without an AllowedPattern."));
    }
}
