using LambdaSuite.Events.Http;

namespace Shared.Tests.Events.Http;

public class HttpValueCollectionTests
{
    [Fact]
    public void Add_HeadersDifferingInCase_ShareOneName()
    {
        var headers = HttpValueCollection.ForHeaders();

        headers.Add("Accept", "a");
        headers.Add("ACCEPT", "b");

        Assert.Equal(1, headers.Count);
        Assert.Equal(["a", "b"], headers.GetValues("accept"));
        Assert.Equal("Accept", headers.Names[0]);
    }

    [Fact]
    public void Add_QueryNamesDifferingInCase_StayApart()
    {
        var query = HttpValueCollection.ForQuery();

        query.Add("id", "1");
        query.Add("ID", "2");

        Assert.Equal(2, query.Count);
        Assert.Equal("2", query["ID"]);
    }

    [Fact]
    public void Set_ExistingName_ReplacesAllValues()
    {
        var headers = HttpValueCollection.ForHeaders();
        headers.Add("x", "1");
        headers.Add("x", "2");

        headers.Set("X", "3");

        Assert.Equal(["3"], headers.GetValues("x"));
        Assert.Equal(["X"], headers.Names);
    }

    [Fact]
    public void GetValues_MissingName_IsEmpty()
    {
        var headers = HttpValueCollection.ForHeaders();

        var values = headers.GetValues("nope");

        Assert.Empty(values);
        Assert.Null(headers["nope"]);
        Assert.False(headers.TryGetValue("nope", out _));
    }
}
