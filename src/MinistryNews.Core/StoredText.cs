using System.Buffers;
using System.Text;

namespace MinistryNews.Core;

/// <summary>
/// Text made safe to store and to serve, once, at ingestion: whatever a press release holds, every page, feed, export and
/// API answer can carry what the archive keeps. The rules:
/// <list type="bullet">
/// <item>Characters XML forbids are gone: a vertical tab (Word's manual line break, inside a paragraph) becomes a space,
/// a form feed (a page break) a line break, the other C0 and C1 controls are removed, a lone surrogate or a noncharacter
/// becomes U+FFFD.</item>
/// <item>Bidirectional embeddings, overrides and isolates left open at the end of a line are closed there, so a
/// right-to-left override in the body cannot run on into what follows it; in titles and names (<see cref="Name"/>) every
/// bidirectional control is removed, so a name cannot be shown reversed.</item>
/// <item>A word longer than <see cref="MaxWordCharacters"/> (no real one comes near: the longest seen is a 95-character
/// address) is broken with a space every <see cref="MaxWordCharacters"/> characters, so a passage or a line around it stays short.</item>
/// </list>
/// </summary>
public static class StoredText
{
    public const int MaxWordCharacters = 256;

    private const char Replacement = '\uFFFD';

    /// <summary>Every bidirectional formatting character: marks, embeddings, overrides, isolates and their ends.</summary>
    public const string BidiControls = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /// <summary>Characters that start a bidirectional embedding or override, closed by U+202C (PDF).</summary>
    private static readonly SearchValues<char> Embeddings = SearchValues.Create("\u202A\u202B\u202D\u202E");

    /// <summary>Characters that start a bidirectional isolate, closed by U+2069 (PDI).</summary>
    private static readonly SearchValues<char> Isolates = SearchValues.Create("\u2066\u2067\u2068");

    private static readonly SearchValues<char> Bidi = SearchValues.Create(BidiControls);

    /// <summary>Whether the character is a bidirectional mark, embedding, override or isolate (or the end of one).</summary>
    public static bool IsBidiControl(char c) => Bidi.Contains(c);

    /// <summary>The text as the archive keeps it (see the rules above); the same string when there is nothing to change.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var word = 0;
        var embeddings = 0;
        var isolates = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\v')
            {
                // A line break within a paragraph: the paragraph, its sentences and a headline stay one.
                c = ' ';
            }
            else if (c is '\f' or '\u0085')
            {
                c = '\n';
            }

            if (c == '\n')
            {
                Close(builder, ref embeddings, ref isolates);
            }
            else if (char.IsControl(c) && c is not ('\t' or '\r'))
            {
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                word += 2;
                continue;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                c = Replacement;
            }
            else if (Embeddings.Contains(c))
            {
                embeddings++;
            }
            else if (Isolates.Contains(c))
            {
                isolates++;
            }
            else if (c == '\u202C')
            {
                embeddings = Math.Max(0, embeddings - 1);
            }
            else if (c == '\u2069')
            {
                isolates = Math.Max(0, isolates - 1);
            }

            if (char.IsWhiteSpace(c))
            {
                word = 0;
            }
            else if (++word > MaxWordCharacters)
            {
                builder.Append(' ');
                word = 1;
            }

            builder.Append(c);
        }

        Close(builder, ref embeddings, ref isolates);
        return builder.ToString();
    }

    /// <summary>A title or a name as shown: cleaned, without any bidirectional control, its spaces single.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.AsSpan().IndexOfAny(Bidi) < 0 && !NeedsCleaning(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in Clean(name))
        {
            if (!Bidi.Contains(c))
            {
                builder.Append(c);
            }
        }

        return string.Join(' ', builder.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <inheritdoc cref="Name(string)"/>
    public static string? NameOrNull(string? name) => name is null ? null : Name(name);

    /// <summary>Whether <see cref="Clean"/> would change the text.</summary>
    public static bool NeedsCleaning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A pair is one character (an emoji, a rare ideograph), kept as it is.
                i++;
                word += 2;
            }
            else if ((char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || Embeddings.Contains(c) || Isolates.Contains(c))
            {
                return true;
            }
            else
            {
                word = char.IsWhiteSpace(c) ? 0 : word + 1;
            }

            if (word > MaxWordCharacters)
            {
                return true;
            }
        }

        return false;
    }

    private static void Close(StringBuilder builder, ref int embeddings, ref int isolates)
    {
        builder.Append('\u202C', embeddings).Append('\u2069', isolates);
        embeddings = 0;
        isolates = 0;
    }
}
