using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>A date named in a text: where it is, and the first and last day it means as far as the text tells.</summary>
public sealed record DateMention(int Index, int Length, PartialDate Start, PartialDate? End, bool Relative);

/// <summary>
/// Reads dates out of press-release text: "April 25, 2017", "On the morning of November 28", "From 5 to 11 April",
/// "from March 11-13", "in October 2009", "2021-2025", "Two years ago", datelines and the dates encoded in
/// source URLs and photo file names. A day or month without a year takes the year of the reference date
/// (the publication date), one year earlier when that would put it well after publication; with no reference
/// it is left out rather than guessed.
/// </summary>
public static partial class DateReader
{
    [GeneratedRegex(@"\b(?:in|since|during|until|till|by|from|of|last|this|next|early|late|mid)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MonthCue();

    [GeneratedRegex(@"\b[AP]\.?M\.?\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AmericanTime();

    private const string Month =
        @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private const string Ordinal = "(?:st|nd|rd|th)?";

    private const string RangeSeparator = @"\s*(?:-|–|—|to|and|until|till)\s*";

    // "April 25, 2017", "March 11-13", "November 28", "January 9 to 12, 2020"
    [GeneratedRegex(@"(?<![\p{L}\d])(?<m>" + Month + @")\s+(?<d1>\d{1,2})" + Ordinal + "(?:" + RangeSeparator + @"(?:(?<m2>" + Month + @")\s+)?(?<d2>\d{1,2})" + Ordinal + @")?(?:,?\s+(?<y>(?:19|20)\d{2}))?(?![\p{L}\d])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MonthFirst();

    // "25 April 2017", "From 5 to 11 April", "9-11 April", "02nd November 2021", "02nd Nov, 2021"
    [GeneratedRegex(@"(?<![\p{L}\d])(?<d1>\d{1,2})" + Ordinal + "(?:" + RangeSeparator + @"(?<d2>\d{1,2})" + Ordinal + @")?\s+(?:of\s+)?(?<m>" + Month + @")(?:,?\s+(?<y>(?:19|20)\d{2}))?(?![\p{L}\d])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DayFirst();

    // "October 2009", "early August", "in September", "late March 2020"
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<part>early|mid|late|the end of|the beginning of|end of|beginning of)[\s-]+)?(?<m>" + Month + @")(?:,?\s+(?<y>(?:19|20)\d{2}))?(?![\p{L}\d])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MonthYear();

    // "3/21/2012", "21/3/2012", "2012-03-21", "21.03.2012"
    [GeneratedRegex(@"(?<![\d/.-])(?:(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>(?:19|20)\d{2})|(?<iy>(?:19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2}))(?![\d/])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Numeric();

    // "2021-2025", "from 2020 to 2023", "2024–2028"
    [GeneratedRegex(@"(?<![\p{L}\d-])(?<y1>(?:19|20)\d{2})\s*(?:-|–|—|to|until)\s*(?<y2>(?:19|20)\d{2})(?![\p{L}\d])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<![\p{L}\d.,$-])(?<y>(?:19|20)\d{2})(?![\p{L}\d%]|,\d|\.\d)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:(?:on\s+)?(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?<word>yesterday|today|this morning|this afternoon|last week|last month|last year|this year|the previous year)|(?<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?<unit>years?|months?|weeks?|days?)\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex RelativeDate();

    private static readonly SearchValues<string> RelativeWords = SearchValues.Create(["day", "this ", "last ", "previous", "ago"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:GMT|UTC|ICT)\s*[+-]?\s*\d{0,2}|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\b|\b(?:Thứ\s(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ\snhật)(?!\p{L})|\b(?:(?:last\s)?updated|posted|published|last update|date)(?:\s(?:on|at))?\b|\bat(?=\s\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DatelineNoise();

    // "Hanoi, ", "Phnom Penh, ": the place a date line or a sign-off names before its date.
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?:\s\p{Lu}[\p{L}\p{M}.'’-]{0,30}){0,2},\s(?=\d|\p{Lu}\p{Ll})", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PlaceBeforeDate();

    // mic.gov.vn and other sites built on the same platform end article URLs with "-1" + "97" + YYMMDD + time digits.
    [GeneratedRegex(@"-\d{3}(?<y>\d{2})(?<m>\d{2})(?<d>\d{2})\d{6,}\.html?(?:$|[?#])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PlatformUrl();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<m>\d{1,2})/(?:(?<d>\d{1,2})/)?", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PathUrl();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[-_]?(?<m>\d{2})[-_]?(?<d>\d{2})(?!\d)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CompactDate();

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Every date named in <paramref name="text"/>, in order, resolved against <paramref name="reference"/>.</summary>
    public static IReadOnlyList<DateMention> Find(string text, PartialDate? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateMention>();
        var taken = new List<(int Start, int End)>();

        void Add(Match match, PartialDate? start, PartialDate? end = null, bool relative = false)
        {
            if (start is null || taken.Any(t => match.Index < t.End && t.Start < match.Index + match.Length))
            {
                return;
            }

            taken.Add((match.Index, match.Index + match.Length));
            found.Add(new DateMention(match.Index, match.Length, start.Value, end is { } e && e != start ? e : null, relative));
        }

        for (var m = Numeric().Match(text); m.Success; m = m.NextMatch())
        {
            Add(m, NumericDate(m, text));
        }

        for (var m = MonthFirst().Match(text); m.Success; m = m.NextMatch())
        {
            var month = MonthNumber(m.Groups["m"].Value);
            var month2 = m.Groups["m2"].Success ? MonthNumber(m.Groups["m2"].Value) : month;
            var (start, end) = DayRange(m, month, month2, reference);
            Add(m, start, end, relative: !m.Groups["y"].Success);
        }

        for (var m = DayFirst().Match(text); m.Success; m = m.NextMatch())
        {
            var month = MonthNumber(m.Groups["m"].Value);
            var (start, end) = DayRange(m, month, month, reference);
            Add(m, start, end, relative: !m.Groups["y"].Success);
        }

        for (var m = MonthYear().Match(text); m.Success; m = m.NextMatch())
        {
            // A bare month name needs a cue that it is a date ("in September", "early August").
            // The cue is the word just before the month: the few characters before it are enough, and reading the whole
            // text before every month would take time with the square of the text's length.
            var before = text[Math.Max(0, m.Index - 40)..m.Index].TrimEnd();
            var cued = m.Groups["y"].Success || m.Groups["part"].Success
                || MonthCue().IsMatch(before);
            if (!cued || (m.Value == "May" && !m.Groups["y"].Success && !before.EndsWith("in", StringComparison.Ordinal)))
            {
                continue;
            }

            var month = MonthNumber(m.Groups["m"].Value);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : YearFor(month, 1, reference);
            if (year is { } y)
            {
                Add(m, new PartialDate(y, month), relative: !m.Groups["y"].Success);
            }
        }

        for (var m = YearRange().Match(text); m.Success; m = m.NextMatch())
        {
            var from = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture);
            if (to >= from && to - from <= 50)
            {
                Add(m, new PartialDate(from), new PartialDate(to));
            }
        }

        for (var m = Year().Match(text); m.Success; m = m.NextMatch())
        {
            Add(m, new PartialDate(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)));
        }

        if (reference is { } r)
        {
            // Every relative date holds one of these words; most sentences hold none and skip the expression.
            var matches = text.AsSpan().ContainsAny(RelativeWords) ? RelativeDate().All(text) : [];
            foreach (var m in matches)
            {
                Add(m, Relative(m, r), relative: true);
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// Whether a line is a dateline ("April 25, 2017 | 10:27 am GMT+7", "Tue 02nd November 2021 | 05:15 PM",
    /// "10:32:43 PM | 3/21/2012", "Thứ Ba, 14/06/2016 10:30", "Singapore, 12 March 2024"): a date and nothing but times,
    /// weekdays (in English or Vietnamese), separators and the place before it.
    /// </summary>
    public static bool TryReadDateline(string line, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(line) || line.Length > 90)
        {
            return false;
        }

        // "SINGAPORE, 12 MARCH 2024" signs a statement off as "Singapore, 12 March 2024" does; the place is no part of the date.
        if (!line.Any(char.IsLower))
        {
            line = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(line.ToLowerInvariant());
        }

        if (PlaceBeforeDate().Match(line) is { Success: true } place)
        {
            line = line[place.Length..];
        }

        var dates = Find(line, null).Where(d => d.Start.Precision == DatePrecision.Day).ToList();
        if (dates.Count == 0)
        {
            return false;
        }

        var rest = line;
        foreach (var d in dates.OrderByDescending(d => d.Index))
        {
            rest = rest.Remove(d.Index, d.Length);
        }

        rest = DatelineNoise().Replace(rest, " ");
        if (rest.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        date = dates[0].Start;
        return true;
    }

    /// <summary>The publication date a source URL encodes, when it encodes one.</summary>
    public static PartialDate? FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (PlatformUrl().Match(url) is { Success: true } platform
            && Valid(2000 + int.Parse(platform.Groups["y"].Value, CultureInfo.InvariantCulture), platform.Groups["m"].Value, platform.Groups["d"].Value) is { } date)
        {
            return date;
        }

        if (PathUrl().Match(url) is { Success: true } path)
        {
            var year = int.Parse(path.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(path.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12)
            {
                return path.Groups["d"].Success && Valid(year, path.Groups["m"].Value, path.Groups["d"].Value) is { } day ? day : new PartialDate(year, month);
            }
        }

        return FromFileName(url);
    }

    /// <summary>The date a photo or file name carries ("PSX_20241128_111342.jpg", "20190312-m10.jpg").</summary>
    public static PartialDate? FromFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var m = CompactDate().Match(name); m.Success; m = m.NextMatch())
        {
            if (Valid(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Value, m.Groups["d"].Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static PartialDate? Valid(int year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return year is >= 1990 and <= 2100 && PartialDate.IsValid(year, m, d) ? new PartialDate(year, m, d) : null;
    }

    private static (PartialDate? Start, PartialDate? End) DayRange(Match m, int month, int month2, PartialDate? reference)
    {
        var d1 = int.Parse(m.Groups["d1"].Value, CultureInfo.InvariantCulture);
        int? d2 = m.Groups["d2"].Success ? int.Parse(m.Groups["d2"].Value, CultureInfo.InvariantCulture) : null;
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : YearFor(month, d1, reference);
        if (year is not { } y || !PartialDate.IsValid(y, month, d1))
        {
            return (null, null);
        }

        var start = new PartialDate(y, month, d1);
        if (d2 is not { } day2)
        {
            return (start, null);
        }

        var endYear = month2 < month ? y + 1 : y;
        return PartialDate.IsValid(endYear, month2, day2) && new DateOnly(endYear, month2, day2) >= start.FirstDay
            ? (start, new PartialDate(endYear, month2, day2))
            : (start, null);
    }

    /// <summary>The year of a day named without one: the reference's year, or the year before when that would fall well after the reference.</summary>
    private static int? YearFor(int month, int day, PartialDate? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        var candidate = new DateOnly(r.Year, month, Math.Min(day, DateTime.DaysInMonth(r.Year, month)));
        return candidate > r.LastDay.AddDays(62) ? r.Year - 1 : r.Year;
    }

    private static PartialDate? NumericDate(Match m, string text)
    {
        if (m.Groups["iy"].Success)
        {
            return Valid(int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture), m.Groups["im"].Value, m.Groups["id"].Value);
        }

        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        // Day first, as Vietnamese sites write it, unless that cannot be or the text tells the time the American way.
        var monthFirst = a <= 12 && (b > 12 || AmericanTime().IsMatch(text));
        var (month, day) = monthFirst ? (a, b) : (b, a);
        return PartialDate.IsValid(year, month, day) ? new PartialDate(year, month, day) : null;
    }

    private static PartialDate? Relative(Match m, PartialDate reference)
    {
        var day = reference.FirstDay;
        if (m.Groups["weekday"].Success)
        {
            // "on Monday" in news means the last Monday up to the day of publication.
            if (reference.Precision != DatePrecision.Day)
            {
                return null;
            }

            var weekday = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value);
            var back = ((int)day.DayOfWeek - (int)weekday + 7) % 7;
            return PartialDate.FromDate(day.AddDays(-back));
        }

        if (m.Groups["word"].Success)
        {
            return m.Groups["word"].Value.ToLowerInvariant() switch
            {
                "yesterday" when reference.Precision == DatePrecision.Day => PartialDate.FromDate(day.AddDays(-1)),
                "today" or "this morning" or "this afternoon" when reference.Precision == DatePrecision.Day => reference,
                "last week" when reference.Precision == DatePrecision.Day => new PartialDate(day.AddDays(-7).Year, day.AddDays(-7).Month),
                "last month" when reference.Month is not null => new PartialDate(day.AddMonths(-1).Year, day.AddMonths(-1).Month),
                "last year" or "the previous year" => new PartialDate(reference.Year - 1),
                "this year" => new PartialDate(reference.Year),
                _ => null,
            };
        }

        var n = m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            var digits => int.Parse(digits, CultureInfo.InvariantCulture),
        };
        return m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s') switch
        {
            "year" => new PartialDate(reference.Year - n),
            "month" when reference.Month is not null => new PartialDate(day.AddMonths(-n).Year, day.AddMonths(-n).Month),
            "week" when reference.Precision == DatePrecision.Day => PartialDate.FromDate(day.AddDays(-7 * n)),
            "day" when reference.Precision == DatePrecision.Day => PartialDate.FromDate(day.AddDays(-n)),
            _ => null,
        };
    }

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.')[..3].ToLowerInvariant();
        return Array.IndexOf(MonthPrefixes, key) + 1;
    }
}
