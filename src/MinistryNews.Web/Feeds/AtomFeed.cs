using System.ServiceModel.Syndication;
using System.Xml;

namespace MinistryNews.Web.Feeds;

/// <summary>An entry of an Atom feed: any list's item (an article, a meeting, an agreement) with its page.</summary>
/// <param name="Id">A permanent, absolute IRI (the item's page does).</param>
/// <param name="Title">What the entry is.</param>
/// <param name="Updated">When it last changed in the archive.</param>
/// <param name="Link">Its page, absolute.</param>
/// <param name="Summary">A line or a paragraph about it, as plain text: the entry's <c>summary</c>.</param>
/// <param name="Published">When it happened or was published, when known.</param>
public sealed record AtomEntry(string Id, string Title, DateTimeOffset Updated, Uri Link, string? Summary, DateTimeOffset? Published = null)
{
    /// <summary>Categories of the entry (an article's countries).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>
/// An Atom feed (RFC 4287) of any list: a title, the list's page, its own address and its entries. Every text goes
/// through <see cref="StoredText.Clean"/>, so no character XML forbids can fail the feed; the feed names the archive
/// as its author, so no entry needs one.
/// </summary>
public static class AtomFeed
{
    public const string MediaType = "application/atom+xml";

    private const string Subtitle = "International cooperation of Vietnam's Ministry of Information and Communications";

    /// <param name="title">The feed's title, naming what it follows.</param>
    /// <param name="page">The list's page, absolute: the feed's alternate link.</param>
    /// <param name="self">The feed's own address, absolute: its id and its self link.</param>
    /// <param name="entries">The entries, newest first.</param>
    public static IResult Result(string title, Uri page, Uri self, IReadOnlyList<AtomEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(entries);
        var items = entries.Select(e =>
        {
            var item = new SyndicationItem(StoredText.Clean(e.Title), (SyndicationContent?)null, e.Link, e.Id, e.Updated);
            if (!string.IsNullOrEmpty(e.Summary))
            {
                item.Summary = new TextSyndicationContent(StoredText.Clean(e.Summary));
            }

            if (e.Published is { } published)
            {
                item.PublishDate = published;
            }

            foreach (var category in e.Categories)
            {
                item.Categories.Add(new SyndicationCategory(StoredText.Clean(category)));
            }

            return item;
        }).ToList();
        var clean = StoredText.Clean(title);
        var feed = new SyndicationFeed(clean, Subtitle, page, self.AbsoluteUri, items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, items);
        feed.Authors.Add(new SyndicationPerson { Name = "MinistryNews" });
        feed.Links.Add(new SyndicationLink(self, "self", clean, MediaType, 0));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), MediaType + "; charset=utf-8");
    }
}
