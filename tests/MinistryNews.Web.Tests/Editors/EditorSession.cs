using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Tests.Editors;

/// <summary>An editor as a browser is one: an account made as the command line makes it, signed in through the form.</summary>
internal static class EditorSession
{
    public const string Name = "lan.nguyen";
    public const string Password = "Hanoi-Archive-2026";

    /// <summary>A client as a browser would be: cookies kept, over HTTPS (the session cookie is sent over nothing else).</summary>
    public static HttpClient Browser(ArchiveApplication app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    public static async Task AddEditorAsync(ArchiveApplication app, string name = Name, string password = Password)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().CreateAsync(new Editor(name), password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A browser with an editor signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(ArchiveApplication app)
    {
        var browser = Browser(app);
        using var answer = await SignInAsync(browser);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        return browser;
    }

    public static async Task<IHtmlFormElement> SignInFormAsync(HttpClient client) =>
        (await ArchiveApplication.GetPageAsync(client, "/editors/sign-in")).QuerySelector<IHtmlFormElement>("form.sign-in")!;

    /// <summary>Fills the sign-in form as a person would, and sends it with its own token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name = Name, string password = Password)
    {
        var form = await SignInFormAsync(client);
        var fields = Fields(form);
        fields["UserName"] = name;
        fields["Password"] = password;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>A text's words with single spaces between them, as a reader sees them.</summary>
    public static string? Words(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A form's fields as a browser sends them: inputs (checked boxes only), text areas, selects, and the button pressed.</summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlFormElement form, IDictionary<string, string>? changes = null, string? button = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("checkbox" or "radio") || input.IsChecked:
                    values.Add(KeyValuePair.Create(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(KeyValuePair.Create(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    values.Add(KeyValuePair.Create(select.Name!, select.Value ?? string.Empty));
                    break;
                case IHtmlButtonElement { Name.Length: > 0 } pressed when pressed.Name == button:
                    values.Add(KeyValuePair.Create(pressed.Name!, pressed.Value));
                    break;
            }
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(KeyValuePair.Create(name, value));
        }

        return values;
    }

    public static Dictionary<string, string> Fields(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }).ToDictionary(i => i.Name!, i => i.Value);

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string>? changes = null, string? button = null) =>
        await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(Values(form, changes, button)));
}
