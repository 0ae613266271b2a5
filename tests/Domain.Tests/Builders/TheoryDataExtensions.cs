namespace EcomErp.Domain.Tests.Builders;

public static class TheoryDataExtensions
{
    public static TheoryData<T> ToTheoryData<T>(this IEnumerable<T> rows)
    {
        var data = new TheoryData<T>();
        foreach (var row in rows)
            data.Add(row);
        return data;
    }

    public static TheoryData<T1, T2> ToTheoryData<T1, T2>(this IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (a, b) in rows)
            data.Add(a, b);
        return data;
    }

    public static TheoryData<T1, T2, T3> ToTheoryData<T1, T2, T3>(this IEnumerable<(T1, T2, T3)> rows)
    {
        var data = new TheoryData<T1, T2, T3>();
        foreach (var (a, b, c) in rows)
            data.Add(a, b, c);
        return data;
    }
}
