using System.Globalization;
using MinistryNews.Core;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Cli;

/// <summary>The <c>extract --explain</c> view: each fact, the rule that read it, and the sentence it was read from.</summary>
internal static class Explanation
{
    public static void Write(TextWriter output, ExtractedArticle article, Gazetteer gazetteer)
    {
        string Countries(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => gazetteer.FindByCode(c)?.Name ?? c));
        string Date(PartialDate? date) => date?.ToString() ?? "no date";
        string Dated(PartialDate? date, DateSource source) => date is null ? Date(date) : $"{date} (date from {source.ToString().ToLower(CultureInfo.InvariantCulture)})";

        output.WriteLine($"== {article.FileName}");
        output.WriteLine($"title       {article.Title}{(article.TitleDerived ? "  (derived: the text has no headline)" : string.Empty)}");
        output.WriteLine($"published   {Date(article.Published)}  (from {article.PublishedFrom})");
        if (article.SourceUrl is not null)
        {
            output.WriteLine($"source      {article.SourceUrl}");
        }

        output.WriteLine($"countries   {Countries(article.Countries)}");
        foreach (var person in article.People)
        {
            var aliases = person.Aliases.Count > 0 ? $"; also written {string.Join(", ", person.Aliases)}" : string.Empty;
            Fact("person", $"{person.Name} — {person.Title ?? "no title"}, {Countries(person.CountryCode is null ? [] : [person.CountryCode])}{aliases}", person.Rule, person.Evidence);
        }

        foreach (var meeting in article.Meetings)
        {
            var named = meeting.Name is null ? string.Empty : $" \"{meeting.Name}\"";
            var with = meeting.CounterpartOrganisation is null ? string.Empty : $" ({meeting.CounterpartOrganisation})";
            Fact("meeting", $"{meeting.Kind.ToString().ToLower(CultureInfo.InvariantCulture)}{named} with [{Countries(meeting.CounterpartCountries)}]{with} on {Dated(meeting.Date, meeting.DateSource)}: {string.Join(", ", meeting.Participants)}", meeting.Rule, meeting.Evidence);
        }

        foreach (var delegation in article.Delegations)
        {
            Fact("delegation", $"{delegation.Leader ?? "unnamed leader"} from {Countries([delegation.FromCountry ?? "?"])} to [{Countries(delegation.Destinations)}], {Dated(delegation.Start, delegation.DateSource)} to {Date(delegation.End)}", delegation.Rule, delegation.Evidence);
        }

        foreach (var agreement in article.Agreements)
        {
            Fact("agreement", $"{agreement.Kind}{(agreement.Name is null ? string.Empty : $" \"{agreement.Name}\"")}{(agreement.Subject is null ? string.Empty : $" {agreement.Subject}")} with [{Countries(agreement.CounterpartCountries)}]{(agreement.CounterpartOrganisation is null ? string.Empty : $" ({agreement.CounterpartOrganisation})")}, signed {Dated(agreement.SignedOn, agreement.DateSource)}{(agreement.Place is null ? string.Empty : $" in {agreement.Place}")}, valid {agreement.Valid?.ToString() ?? "not given"}; signatories: {string.Join(", ", agreement.Signatories)}{(agreement.Renews is { } renews ? $"; renews {renews.Kind} signed {Date(renews.SignedOn)}" : string.Empty)}", agreement.Rule, agreement.Evidence);
        }

        output.WriteLine();

        void Fact(string kind, string what, string? rule, string evidence)
        {
            output.WriteLine($"{kind,-11} {what}");
            output.WriteLine($"{string.Empty,-11} rule: {rule ?? "?"}");
            output.WriteLine($"{string.Empty,-11} from: \"{evidence}\"");
        }
    }
}
