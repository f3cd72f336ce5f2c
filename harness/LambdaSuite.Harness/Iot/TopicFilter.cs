namespace LambdaSuite.Harness.Iot;

/// <summary>
/// MQTT topic filters (MQTT 3.1.1 section 4.7, the same in AWS IoT): '+' matches exactly one level, '#' (last level
/// only) matches the parent and every level below it. Topics starting with '$' are not matched by a filter that starts
/// with a wildcard (section 4.7.2).
/// </summary>
public static class TopicFilter
{
    /// <summary>Whether <paramref name="filter"/> is well formed: wildcards fill a whole level, '#' only last.</summary>
    public static bool IsValid(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0)
        {
            return false;
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if ((level.Contains('+', StringComparison.Ordinal) && level != "+")
                || (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1)))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        var filterLevels = filter.Split('/');
        var topicLevels = topic.Split('/');
        for (var i = 0; i < filterLevels.Length; i++)
        {
            if (filterLevels[i] == "#")
            {
                return true;
            }

            if (i >= topicLevels.Length || (filterLevels[i] != "+" && !string.Equals(filterLevels[i], topicLevels[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return filterLevels.Length == topicLevels.Length;
    }
}
