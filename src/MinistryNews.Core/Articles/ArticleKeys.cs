using System.Security.Cryptography;
using System.Text;

namespace MinistryNews.Core.Articles;

/// <summary>
/// An article's address, made from the path of its file under the data folder and from nothing else, so rebuilding the
/// archive from the same files, in any order and on either database, gives every article the address it had.
/// <list type="bullet">
/// <item>A plain path (folders and a file name of lower-case letters, digits, '-' and '_', ending in <c>.txt</c>) is its
/// own key, folders joined by '.': <c>001_36685c26c6ed7f33.txt</c> is <c>001_36685c26c6ed7f33</c>, <c>2019/mou.txt</c> is
/// <c>2019.mou</c>.</item>
/// <item>A plain path with another extension keeps it after a '~': <c>mou.html</c> is <c>mou~html</c>.</item>
/// <item>Any other path is its slug and eight hex digits of the SHA-256 of the path after a '~': <c>Hội nghị.txt</c> is
/// <c>hoi-nghi~1f0c…</c>.</item>
/// </list>
/// A plain key holds no '~' and the others differ by their hash, so two paths never share a key.
/// </summary>
public static class ArticleKeys
{
    public const int MaxLength = 160;

    private const int SlugLength = 60;

    public static string From(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var normal = path.Replace('\\', '/');
        var slash = normal.LastIndexOf('/');
        var dot = normal.LastIndexOf('.');
        var (stem, extension) = dot > slash + 1 ? (normal[..dot], normal[(dot + 1)..]) : (normal, string.Empty);
        var segments = stem.Split('/');
        if (segments.All(IsPlain) && (extension.Length == 0 || IsPlain(extension)))
        {
            var key = string.Join('.', segments) + (extension is "txt" or "" ? string.Empty : "~" + extension);
            if (key.Length <= MaxLength)
            {
                return key;
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..8];
        return Slugs.From(stem.Replace('/', '-'), SlugLength) + "~" + hash;
    }

    private static bool IsPlain(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
