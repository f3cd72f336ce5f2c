using System.Text;
using IotRegistry.Lifecycle;

namespace IotRegistry.Tests.Lifecycle;

public sealed class TransferRequestParserTests
{
    [Fact]
    public void TryParseBody_OwnerWithProof_ReadsAllThree()
    {
        var body = Encoding.UTF8.GetBytes("""{"newOwnerEmail":"buyer@example.com","email":"owner@example.com","activationCode":"Q7K2-M9XP-4TWZ"}""");

        var parsed = TransferRequestParser.TryParseBody("SN-1", "client-1", body, administrator: false, out var request, out var error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(("buyer@example.com", "owner@example.com", "Q7K2-M9XP-4TWZ"), (request!.NewOwnerEmail, request.OwnerEmail, request.ActivationCode));
        Assert.DoesNotContain("Q7K2", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("owner@", request.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"newOwnerEmail":"buyer@example.com","email":"owner@example.com"}""", "missing_field", "activationCode")]
    [InlineData("""{"newOwnerEmail":"buyer@example.com","activationCode":"Q7K2-M9XP-4TWZ"}""", "missing_field", "email")]
    [InlineData("""{"newOwnerEmail":"not-an-address","email":"owner@example.com","activationCode":"Q7K2-M9XP-4TWZ"}""", "invalid_email", "newOwnerEmail")]
    [InlineData("""{"email":"owner@example.com","activationCode":"Q7K2-M9XP-4TWZ"}""", "missing_field", "newOwnerEmail")]
    public void TryParseBody_OwnerWithoutAFullProof_RefusedNamingTheField(string json, string code, string field)
    {
        var parsed = TransferRequestParser.TryParseBody("SN-1", "client-1", Encoding.UTF8.GetBytes(json), administrator: false, out var request, out var error);

        Assert.False(parsed);
        Assert.Null(request);
        Assert.Equal((code, field), (error!.Code, error.Field));
    }

    [Fact]
    public void TryParseBody_AdministratorWithoutProof_Accepted()
    {
        var parsed = TransferRequestParser.TryParseBody("SN-1", "client-1", """{"newOwnerEmail":"buyer@example.com"}"""u8.ToArray(), administrator: true, out var request, out _);

        Assert.True(parsed);
        Assert.Null(request!.OwnerEmail);
        Assert.Null(request.ActivationCode);
    }

    [Fact]
    public void TryParseBody_PathKeyWithHash_RefusedAsInvalidField()
    {
        var parsed = TransferRequestParser.TryParseBody("SN#1", "client-1", """{"newOwnerEmail":"buyer@example.com"}"""u8.ToArray(), administrator: true, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(("invalid_field", "serialNumber"), (error!.Code, error.Field));
    }
}
