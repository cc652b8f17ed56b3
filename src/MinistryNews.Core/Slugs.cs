using System.Text;

namespace MinistryNews.Core;

/// <summary>URL slugs: folded to ASCII without accents (đ becomes d), words joined by hyphens.</summary>
public static class Slugs
{
    public static string From(string text, int maxLength = 80)
    {
        var folded = TextFolding.Fold(text);
        var builder = new StringBuilder(Math.Min(folded.Length, maxLength));
        foreach (var c in folded)
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }

            if (builder.Length >= maxLength)
            {
                // Cut at the last whole word rather than in the middle of one.
                var lastBreak = builder.ToString().LastIndexOf('-');
                if (lastBreak > maxLength / 2)
                {
                    builder.Length = lastBreak;
                }

                break;
            }

            builder.Append(next);
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "untitled" : slug;
    }
}
