using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>The shared "Cite this" partial (<c>_Cite</c>), rendered on its own as a page will render it.</summary>
public sealed class CitationPartialTests
{
    [Fact]
    public async Task Should_show_the_reference_its_BibTeX_entry_and_links_to_both_downloads_without_script_or_style()
    {
        var citation = new Citation(
            CitationKind.Article,
            "<script>alert(1)</script> R&D {budget}",
            "Ministry of Information and Communications (Viet Nam)",
            new PartialDate(2019, 11, 5),
            "https://english.mic.gov.vn/Pages/TinTuc/139735/a.html",
            new Uri("https://archive.example/articles/12/r-d-budget"),
            new DateOnly(2026, 12, 6));
        await using var app = new ArchiveApplication();

        var html = await RenderAsync(app.Services, "/Pages/Shared/_Cite.cshtml", citation);

        var page = new HtmlParser().ParseDocument(html);
        var cite = page.QuerySelector("details.cite");
        Assert.NotNull(cite);
        Assert.Equal("Cite this", cite.QuerySelector("summary")?.TextContent);
        Assert.Equal(citation.PlainText(), cite.QuerySelector("p.cite-text")?.TextContent);
        Assert.Equal(citation.BibTeX(), cite.QuerySelector("pre.cite-bibtex")?.TextContent);
        Assert.Equal("/articles/12/r-d-budget?format=bib", cite.QuerySelector("a[type='application/x-bibtex']")?.GetAttribute("href"));
        Assert.Equal("/articles/12/r-d-budget?format=ris", cite.QuerySelector("a[type='application/x-research-info-systems']")?.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("script, style, [style]"));
    }

    private static async Task<string> RenderAsync(IServiceProvider services, string path, object model)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = scope.ServiceProvider.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, viewPath: path, isMainPage: false).EnsureSuccessful([]).View!;
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, scope.ServiceProvider.GetRequiredService<ITempDataProvider>());
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(actionContext, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
