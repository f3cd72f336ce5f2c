namespace LambdaSuite.Data.Mailing;

/// <summary>
/// The mailing table operations SesFeedback's feedback service calls: the seam it takes. <see cref="MailingStore"/> is
/// the DynamoDB one, whose conditional writes keep the record right under duplicates and races (tested against
/// DynamoDB Local).
/// </summary>
public interface IMailingStore
{
    /// <summary>Applies <paramref name="transition"/> to the address's current record (null: none); a null result changes nothing.</summary>
    Task<MailingWriteOutcome> ApplyAsync(string address, Func<MailingRecord?, MailingRecord?> transition, CancellationToken cancellationToken = default);

    /// <summary>As the other overload, starting from <paramref name="known"/> (a record just read) instead of a cache.</summary>
    Task<MailingWriteOutcome> ApplyAsync(string address, MailingRecord? known, Func<MailingRecord?, MailingRecord?> transition, CancellationToken cancellationToken = default);

    /// <summary>The address's record, or null.</summary>
    Task<MailingRecord?> GetAsync(string address, CancellationToken cancellationToken = default);
}
