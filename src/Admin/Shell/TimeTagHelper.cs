using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace EcomErp.Admin.Shell;

/// <summary>
/// Writes every <c>&lt;time datetime="…"&gt;</c> of the admin in the signed-in person's time zone (<see cref="PersonTimeZone"/>):
/// a page states the instant once, in ISO 8601, and never formats it itself. The attribute keeps the instant, so machines and
/// tests read the same value whoever looks; the title names the zone.
/// </summary>
[HtmlTargetElement("time", Attributes = DateTimeAttribute)]
public sealed class TimeTagHelper(PersonTimeZone timeZones) : TagHelper
{
    private const string DateTimeAttribute = "datetime";

    [HtmlAttributeName(DateTimeAttribute)]
    public string? DateTime { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute(DateTimeAttribute, DateTime);
        if (DateOnly.TryParseExact(DateTime, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A calendar day (an ETA) is the same day in every zone: its UTC midnight would read as the evening before west of UTC.
            output.Content.SetContent(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return;
        }
        if (!DateTimeOffset.TryParse(DateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return;
        var zone = timeZones.For(ViewContext.HttpContext.User);
        output.Attributes.SetAttribute("title", zone.Id);
        output.Content.SetContent(PersonTimeZone.Format(at, zone));
    }
}
