using MinistryNews.Core;

namespace MinistryNews.Web.Browsing;

/// <summary>One entry of a country's or a person's timeline: what happened, when, and the article that tells it.</summary>
public sealed record TimelineEntry(PartialDate? Date, string Kind, string What, int ArticleId, string ArticleSlug, string ArticleTitle);
