using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace EcomErp.Admin.Shell;

/// <summary>
/// Notes, as a page renders, which fields have a message slot (<c>asp-validation-for</c>) and which summaries
/// (<c>asp-validation-summary</c>) it shows, beside the framework's own tag helpers for those attributes. The layout renders
/// after the page, and shows above it the errors of a refused form that no slot of the page shows (<see cref="ErrorSlots.Unplaced"/>):
/// a field whose slot is only in a row that is not there (an unknown location, a decided change), or a hidden field.
/// </summary>
[HtmlTargetElement("span", Attributes = ForAttribute)]
[HtmlTargetElement("div", Attributes = SummaryAttribute)]
public sealed class ErrorSlotTagHelper : TagHelper
{
    private const string ForAttribute = "asp-validation-for";
    private const string SummaryAttribute = "asp-validation-summary";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(SummaryAttribute)]
    public ValidationSummary? Summary { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var slots = ErrorSlots.Of(ViewContext.HttpContext);
        if (For is not null)
            slots.Fields.Add(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));
        if (Summary is ValidationSummary.All)
            slots.ShowsAll = true;
        else if (Summary is ValidationSummary.ModelOnly)
            slots.ShowsModelOnly = true;
    }
}

/// <summary>The message slots a page rendered for one request (<see cref="ErrorSlotTagHelper"/>).</summary>
public sealed class ErrorSlots
{
    public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);

    public bool ShowsAll { get; set; }

    public bool ShowsModelOnly { get; set; }

    public static ErrorSlots Of(HttpContext context)
    {
        if (context.Items[typeof(ErrorSlots)] is not ErrorSlots slots)
            context.Items[typeof(ErrorSlots)] = slots = new ErrorSlots();
        return slots;
    }

    /// <summary>
    /// The messages of a posted form's errors that the page rendered no slot for, once each. Only for a post: a list's
    /// query-string filters that cannot be read are said by the list itself, in its own words.
    /// </summary>
    public static IReadOnlyList<string> Unplaced(HttpContext context, ModelStateDictionary modelState)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || modelState.IsValid)
            return [];
        var slots = Of(context);
        if (slots.ShowsAll)
            return [];
        return
        [
            .. modelState
                .Where(entry => entry.Value is { Errors.Count: > 0 } && !(entry.Key.Length == 0 ? slots.ShowsModelOnly : slots.Fields.Contains(entry.Key)))
                .SelectMany(entry => entry.Value!.Errors.Select(error => error.ErrorMessage))
                .Where(message => message.Length > 0)
                .Distinct(StringComparer.Ordinal),
        ];
    }
}
