using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EcomErp.Admin.Shell;

/// <summary>
/// A form post (or any request but a read) that names no handler of the page is refused, not answered with the page as if
/// nothing had been asked: Razor Pages renders the page with 200 when no handler matches, which tells a person or a script
/// that a change went through when none was made. A handler the page does not have (<c>?handler=Nope</c>) is 404, like an
/// address with nothing at it; a method the page takes no form for at all is 405 with the methods it does take. Both reach
/// the admin's status page in its layout.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await next();
            return;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        if (handlers.Any(handler => string.Equals(handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new NotFoundResult();
            return;
        }
        var taken = handlers.Select(handler => handler.HttpMethod.ToUpperInvariant()).Append(HttpMethods.Get).Append(HttpMethods.Head).Distinct(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", taken);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
