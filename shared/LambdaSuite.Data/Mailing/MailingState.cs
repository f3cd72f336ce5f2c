namespace LambdaSuite.Data.Mailing;

public enum MailingState
{
    Active,
    Suppressed,
}
