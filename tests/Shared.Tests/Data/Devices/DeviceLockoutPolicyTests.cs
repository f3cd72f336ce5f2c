using LambdaSuite.Data.Devices;

namespace Shared.Tests.Data.Devices;

public sealed class DeviceLockoutPolicyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly DeviceLockoutPolicy s_policy = new(3, TimeSpan.FromMinutes(10));

    [Theory]
    [InlineData(2, 1, false)]
    [InlineData(3, 1, true)]
    [InlineData(7, 9, true)]
    [InlineData(3, 10, false)]
    [InlineData(3, 11, false)]
    public void IsLocked_FailuresAndAgeOfLastFailure_LockedOnlyAtThresholdWithinWindow(int failures, int minutesSinceLastFailure, bool expected)
    {
        var device = Device(failures, lastFailure: s_now.AddMinutes(-minutesSinceLastFailure));

        var locked = s_policy.IsLocked(device, s_now);

        Assert.Equal(expected, locked);
    }

    [Fact]
    public void LockedUntil_LockedDevice_IsOneWindowAfterLastFailure()
    {
        var lastFailure = s_now.AddMinutes(-4);
        var device = Device(3, lastFailure);

        var until = s_policy.LockedUntil(device, s_now);

        Assert.Equal(lastFailure.AddMinutes(10), until);
    }

    [Fact]
    public void LockedUntil_UnlockedDevice_IsNull()
    {
        var device = Device(1, s_now.AddMinutes(-1));

        var until = s_policy.LockedUntil(device, s_now);

        Assert.Null(until);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(-11, true)]
    [InlineData(-10, true)]
    [InlineData(-9, false)]
    public void WindowExpired_WindowStart_ExpiredWhenAbsentOrAWindowOld(int? minutesAgo, bool expected)
    {
        var device = Device(1, s_now) with { FailedWindowStart = minutesAgo is { } m ? s_now.AddMinutes(m) : null };

        var expired = s_policy.WindowExpired(device, s_now);

        Assert.Equal(expected, expired);
    }

    private static DeviceRecord Device(int failures, DateTimeOffset lastFailure) =>
        new(new DeviceKey("SN1", "client-1"), "hmac", s_now.AddDays(-1), FailedAttempts: failures, FailedWindowStart: lastFailure, LastFailureAt: lastFailure);
}
