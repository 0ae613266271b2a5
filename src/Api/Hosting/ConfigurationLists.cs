namespace EcomErp.Api.Hosting;

public static class ConfigurationLists
{
    /// <summary>
    /// A list setting given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value. Children win over a
    /// plain value: environment variables <c>Key__0</c> add children on top of a comma-separated default in
    /// appsettings.json, and must replace it rather than merge with it.
    /// </summary>
    public static IReadOnlyList<string> GetList(this IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var children = section.GetChildren().ToList();
        var values = children.Count > 0
            ? children.Select(child => child.Value ?? string.Empty)
            : (section.Value ?? string.Empty).Split(',');
        return values.Select(value => value.Trim()).Where(value => value.Length > 0).ToList();
    }
}
