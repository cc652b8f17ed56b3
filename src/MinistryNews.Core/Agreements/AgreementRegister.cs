using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Agreements;

/// <summary>
/// Makes the agreements register: one <see cref="AgreementRecord"/> per document, however many articles tell it, like a
/// treaty register.
/// </summary>
/// <remarks>
/// <para>
/// Two mentions tell one document when they have the same kind (folded) and the same set of counterpart countries, and
/// the same signing date when both give it to the day. A mention dated to the month or the year joins the one record of
/// that kind and those countries whose date falls in it ("the MoU signed in 2011"), when there is exactly one; an
/// undated mention joins the one record of that kind and those countries when there is exactly one. Subjects that are
/// both given and clearly different (no subset of each other's words, less than half of them shared) are two documents,
/// as are validities that contradict (two different ends, or a signing after the other's validity ended),
/// and so are two mentions in one article (the extraction already made one of what an article tells twice). Any other
/// mention is a record of its own.
/// </para>
/// <para>
/// A record's <see cref="AgreementRecord.Key"/> is its kind, its countries' codes in order and its date
/// (<c>memorandum-of-understanding/jp/2019-11-05</c>); an undated record's is its first article's key and the mention's
/// place in it (<c>memorandum-of-understanding/jp/2019.mou#2</c>). Records are written by key, so a record keeps its id
/// when the register is made again, and a new record's id is made from its key (<see cref="IdOf"/>), so that a rebuild
/// gives it the same one; records no mention tells any more are deleted, and only what changed is written.
/// </para>
/// </remarks>
public static class AgreementRegister
{
    public const int MaxKeyLength = 200;

    private const int SlugLength = 80;

    /// <summary>Words that say nothing of what a document is about ("on cooperation in the field of …").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "in", "of", "for", "to", "and", "with", "between", "its", "their", "two", "both", "sides",
        "cooperation", "co-operation", "collaboration", "field", "fields", "area", "areas", "sector", "sectors", "countries",
        "ministries", "bilateral", "mutual",
    };

    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, null, cancellationToken);

    /// <summary>
    /// Makes the records of the mentions whose counterpart countries are among <paramref name="countries"/> (each a set
    /// as <see cref="CodesOf"/> writes it), or of all mentions when it is null. A record, its key, its joining of vaguer
    /// dates and its predecessor depend only on the mentions with its countries, so the records of other countries stay
    /// as a full refresh would leave them.
    /// </summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlySet<string>? countries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            await WriteAsync(db, countries, cancellationToken);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await WriteAsync(db, countries, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>A mention as the register reads it.</summary>
    internal sealed record Mention(
        int Id,
        int ArticleId,
        string ArticleKey,
        DateOnly? PublishedOn,
        int Position,
        string Kind,
        string? Name,
        PartialDate? SignedOn,
        string? Subject,
        string? CounterpartOrganisation,
        string? Place,
        PartialDate? ValidFrom,
        PartialDate? ValidTo,
        string? RenewsKind,
        PartialDate? RenewsSignedOn,
        int? RecordId,
        string Codes,
        IReadOnlyList<int> CountryIds,
        IReadOnlyList<int> Signatories);

    /// <summary>A record as the register makes it, before it is written.</summary>
    internal sealed class Draft(string kind, string codes, PartialDate? date)
    {
        public string FoldedKind { get; } = kind;

        public string Codes { get; } = codes;

        public PartialDate? Date { get; } = date;

        public List<Mention> Mentions { get; } = [];

        public string Key { get; set; } = string.Empty;

        public Draft? Predecessor { get; set; }

        public Mention First => Mentions[0];

        public bool Tells(int articleId) => Mentions.Exists(m => m.ArticleId == articleId);

        /// <summary>Whether a mention may tell the record's document: subjects that agree, validities that do not contradict.</summary>
        public bool Agrees(Mention mention) => Mentions.TrueForAll(m => SubjectsAgree(m.Subject, mention.Subject) && ValiditiesAgree(m, mention) && ValiditiesAgree(mention, m));
    }

    /// <summary>A mention's set of counterpart countries as the register groups by it: the codes, lower case, distinct, in order.</summary>
    public static string CodesOf(IEnumerable<string> codes) =>
        string.Join('-', codes.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static async Task WriteAsync(ArchiveDbContext db, IReadOnlySet<string>? scope, CancellationToken cancellationToken)
    {
        var mentions = await ReadAsync(db, scope, cancellationToken);

        var drafts = Plan(mentions);
        var countryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        // The records as they are: tracked, so that only the values that changed are written. Within a scope, the records
        // its mentions point to or its drafts are keyed as, and those no mention points to any more.
        Dictionary<string, AgreementRecord> existing;
        if (scope is null)
        {
            existing = await db.AgreementRecords.ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken);
        }
        else
        {
            var pointed = mentions.Where(m => m.RecordId is not null).Select(m => m.RecordId!.Value).Distinct().ToList();
            var keys = drafts.Select(d => d.Key).ToList();
            existing = await db.AgreementRecords
                .Where(r => pointed.Contains(r.Id) || keys.Contains(r.Key) || !r.Mentions.Any())
                .ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken);
        }

        var scoped = scope is null ? null : existing.Values.Select(r => r.Id).ToHashSet();
        var ids = await NewIdsAsync(db, drafts.Where(d => !existing.ContainsKey(d.Key)).Select(d => d.Key).ToList(), cancellationToken);
        var records = new Dictionary<Draft, AgreementRecord>();
        foreach (var draft in drafts)
        {
            var values = Values(draft, countryNames);
            if (!existing.Remove(draft.Key, out var record))
            {
                record = new AgreementRecord { Id = ids[draft.Key], Key = draft.Key, Slug = values.Slug, Kind = values.Kind };
                db.AgreementRecords.Add(record);
            }

            record.Slug = values.Slug;
            record.Kind = values.Kind;
            record.Name = values.Name;
            record.Subject = values.Subject;
            record.CounterpartOrganisation = values.CounterpartOrganisation;
            record.Place = values.Place;
            record.SignedOn = draft.Date;
            record.ValidFrom = values.ValidFrom;
            record.ValidTo = values.ValidTo;
            records[draft] = record;
        }

        foreach (var (draft, record) in records)
        {
            // The navigation and the key are set together, so that neither contradicts the other.
            var predecessor = draft.Predecessor is null ? null : records[draft.Predecessor];
            record.Predecessor = predecessor;
            if (predecessor is null || predecessor.Id != 0)
            {
                record.PredecessorId = predecessor?.Id;
            }
        }

        db.AgreementRecords.RemoveRange(existing.Values);

        // Each mention points to its record: only those that point elsewhere are written.
        var stubs = new List<Agreement>();
        foreach (var (draft, record) in records)
        {
            foreach (var mention in draft.Mentions.Where(m => record.Id == 0 || m.RecordId != record.Id))
            {
                var stub = new Agreement { Id = mention.Id, ArticleId = mention.ArticleId, Kind = mention.Kind, Evidence = string.Empty };
                db.Agreements.Attach(stub);
                stub.Record = record;
                stubs.Add(stub);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The records' countries and signatories, from their mentions: only the links that changed.
        scoped?.UnionWith(records.Values.Select(r => r.Id));
        await LinkAsync(db, "AgreementRecordCountries", "CounterpartCountriesId", scoped, records.Select(r => (r.Value.Id, r.Key.Mentions.SelectMany(m => m.CountryIds))), cancellationToken);
        await LinkAsync(db, "AgreementRecordSignatories", "SignatoriesId", scoped, records.Select(r => (r.Value.Id, r.Key.Mentions.SelectMany(m => m.Signatories))), cancellationToken);

        // The stubs carry only an id and a record: nothing after this may read them as the agreements they stand for.
        foreach (var stub in stubs)
        {
            db.Entry(stub).State = EntityState.Detached;
        }
    }

    /// <summary>The mentions, or those whose counterpart countries are among <paramref name="scope"/>; each with its place among all its article's agreements.</summary>
    private static async Task<List<Mention>> ReadAsync(ArchiveDbContext db, IReadOnlySet<string>? scope, CancellationToken cancellationToken)
    {
        var countries = (await (
                    from link in db.Set<Dictionary<string, object>>("AgreementCountries").AsNoTracking()
                    join country in db.Countries.AsNoTracking() on EF.Property<int>(link, "CounterpartCountriesId") equals country.Id
                    select new { AgreementId = EF.Property<int>(link, "AgreementId"), country.Id, country.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.AgreementId);
        var all = await db.Agreements.AsNoTracking().Select(a => new { a.Id, a.ArticleId }).ToListAsync(cancellationToken);
        var positions = all.GroupBy(r => r.ArticleId)
            .SelectMany(g => g.OrderBy(r => r.Id).Select((r, i) => (r.Id, Position: i + 1)))
            .ToDictionary(p => p.Id, p => p.Position);
        var agreements = db.Agreements.AsNoTracking();
        if (scope is not null)
        {
            var ids = all.Where(a => scope.Contains(CodesOf(countries[a.Id].Select(c => c.Code)))).Select(a => a.Id).ToList();
            agreements = agreements.Where(a => ids.Contains(a.Id));
        }

        var rows = await agreements
            .Select(a => new
            {
                a.Id,
                a.ArticleId,
                ArticleKey = a.Article.Key,
                a.Article.PublishedOn,
                a.Kind,
                a.Name,
                a.SignedOn,
                a.Subject,
                a.CounterpartOrganisation,
                a.Place,
                a.ValidFrom,
                a.ValidTo,
                a.RenewsKind,
                a.RenewsSignedOn,
                a.RecordId,
            })
            .ToListAsync(cancellationToken);
        var signatories = (await db.Set<Dictionary<string, object>>("AgreementSignatories").AsNoTracking()
                .Select(s => new { AgreementId = EF.Property<int>(s, "AgreementId"), PersonId = EF.Property<int>(s, "SignatoriesId") })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.AgreementId, s => s.PersonId);
        return [.. rows.Select(r => new Mention(
            r.Id,
            r.ArticleId,
            r.ArticleKey,
            r.PublishedOn,
            positions[r.Id],
            r.Kind,
            r.Name,
            r.SignedOn,
            r.Subject,
            r.CounterpartOrganisation,
            r.Place,
            r.ValidFrom,
            r.ValidTo,
            r.RenewsKind,
            r.RenewsSignedOn,
            r.RecordId,
            CodesOf(countries[r.Id].Select(c => c.Code)),
            [.. countries[r.Id].Select(c => c.Id).Distinct()],
            [.. signatories[r.Id].Distinct()]))];
    }

    /// <summary>The records the mentions make, each with its key and its predecessor (see the remarks of the class).</summary>
    internal static List<Draft> Plan(IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var drafts = new List<Draft>();
        var groups = mentions
            .OrderBy(m => m.PublishedOn ?? DateOnly.MaxValue)
            .ThenBy(m => m.ArticleKey, StringComparer.Ordinal)
            .ThenBy(m => m.Position)
            .GroupBy(m => (Kind: TextFolding.Fold(m.Kind), m.Codes));
        var byGroup = new Dictionary<(string Kind, string Codes), List<Draft>>();
        foreach (var group in groups)
        {
            var own = new List<Draft>();
            byGroup[group.Key] = own;

            // Dated to the day first, then to the month, then to the year, so that a vaguer date finds the precise one.
            foreach (var precision in new[] { DatePrecision.Day, DatePrecision.Month, DatePrecision.Year })
            {
                foreach (var mention in group.Where(m => m.SignedOn?.Precision == precision).OrderBy(m => m.SignedOn!.Value))
                {
                    var date = mention.SignedOn!.Value;
                    var candidates = own.Where(d => d.Date is { } known && Within(known, date) && !d.Tells(mention.ArticleId) && d.Agrees(mention)).ToList();
                    var joined = precision == DatePrecision.Day
                        ? candidates.FirstOrDefault()
                        : candidates.Count == 1 ? candidates[0] : null;
                    Add(joined ?? New(group.Key, date), mention);
                }
            }

            foreach (var mention in group.Where(m => m.SignedOn is null))
            {
                var alone = group.Key.Codes.Length == 0 && mention.Subject is null;
                var joined = !alone && own.Count == 1 && !own[0].Tells(mention.ArticleId) && own[0].Agrees(mention) ? own[0] : null;
                Add(joined ?? New(group.Key, null), mention);
            }

            Draft New((string Kind, string Codes) key, PartialDate? date)
            {
                var draft = new Draft(key.Kind, key.Codes, date);
                own.Add(draft);
                drafts.Add(draft);
                return draft;
            }

            static void Add(Draft draft, Mention mention) => draft.Mentions.Add(mention);
        }

        foreach (var draft in drafts)
        {
            draft.Mentions.Sort((a, b) => Order(a).CompareTo(Order(b)));
        }

        GiveKeys(drafts);
        foreach (var draft in drafts)
        {
            draft.Predecessor = PredecessorOf(draft, byGroup);
        }

        return drafts;

        static (DateOnly, string, int) Order(Mention m) => (m.PublishedOn ?? DateOnly.MaxValue, m.ArticleKey, m.Position);
    }

    /// <summary>Whether <paramref name="date"/> falls within <paramref name="period"/> (a day falls in its month and year).</summary>
    private static bool Within(PartialDate date, PartialDate period) =>
        date.FirstDay >= period.FirstDay && date.LastDay <= period.LastDay;

    /// <summary>
    /// The document a record renews: the one record of the kind its mentions name, with the same countries, whose date
    /// matches the date they give (or, when they give none, that was signed before it), and earlier than it.
    /// </summary>
    private static Draft? PredecessorOf(Draft draft, Dictionary<(string Kind, string Codes), List<Draft>> byGroup)
    {
        if (draft.Mentions.Find(m => !string.IsNullOrWhiteSpace(m.RenewsKind)) is not { } renewal
            || !byGroup.TryGetValue((TextFolding.Fold(renewal.RenewsKind), draft.Codes), out var group))
        {
            return null;
        }

        var candidates = group
            .Where(d => d != draft && d.Date is { } date && (draft.Date is not { } own || date.FirstDay < own.FirstDay))
            .Where(d => renewal.RenewsSignedOn is not { } renewed || (d.Date!.Value.FirstDay <= renewed.LastDay && renewed.FirstDay <= d.Date.Value.LastDay))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// Each record's key: kind, countries and date; an undated record's first article and place in it. Records that would
    /// share a key (two documents of one day with different subjects) add their subject, then their first mention.
    /// </summary>
    private static void GiveKeys(List<Draft> drafts)
    {
        foreach (var draft in drafts)
        {
            draft.Key = Base(draft);
        }

        foreach (var clash in drafts.GroupBy(d => d.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            var subjects = clash.Where(d => Subject(d) is not null).GroupBy(d => Slugs.From(Subject(d)!, 60), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var bare = clash.Count(d => Subject(d) is null);
            foreach (var draft in clash)
            {
                var subject = Subject(draft) is { } s ? Slugs.From(s, 60) : null;
                draft.Key = subject is null
                    ? bare == 1 ? draft.Key : $"{draft.Key}/{draft.First.ArticleKey}#{draft.First.Position}"
                    : subjects[subject] == 1 ? $"{draft.Key}/{subject}" : $"{draft.Key}/{subject}/{draft.First.ArticleKey}#{draft.First.Position}";
            }
        }

        // Whatever still clashes (it cannot, but a key must be unique) is told apart by its order.
        foreach (var clash in drafts.GroupBy(d => d.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            var n = 1;
            foreach (var draft in clash.Skip(1))
            {
                draft.Key = $"{draft.Key}/{++n}";
            }
        }

        foreach (var draft in drafts)
        {
            draft.Key = Bounded(draft.Key);
        }

        static string Base(Draft d) =>
            $"{Slugs.From(d.FoldedKind, 60)}/{(d.Codes.Length == 0 ? "none" : d.Codes)}/{(d.Date is { } date ? date.ToString() : $"{d.First.ArticleKey}#{d.First.Position}")}";

        static string? Subject(Draft d) => d.Mentions.Select(m => m.Subject).Where(s => !string.IsNullOrWhiteSpace(s)).OrderByDescending(s => s!.Length).FirstOrDefault();
    }

    /// <summary>
    /// The ids of new records, made from their keys, so that a document keeps its address <c>/agreements/{id}/{slug}</c>
    /// whatever order the files are read in, when the archive is rebuilt, on either database, and when the only article
    /// that tells it is withdrawn and comes back: the first 31 bits of the SHA-256 of the key or, when another record
    /// holds that number, the next free one.
    /// </summary>
    private static async Task<Dictionary<string, int>> NewIdsAsync(ArchiveDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToDictionary(k => k, IdOf, StringComparer.Ordinal);
        var candidates = wanted.Values.Distinct().ToList();
        var taken = (await db.AgreementRecords.Where(r => candidates.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var id = wanted[key];
            while (!taken.Add(id) || (!candidates.Contains(id) && await db.AgreementRecords.AnyAsync(r => r.Id == id, cancellationToken)))
            {
                id = id == int.MaxValue ? 1 : id + 1;
            }

            ids[key] = id;
        }

        return ids;
    }

    /// <summary>The id a record of this key takes unless another holds it: the first 31 bits of the key's SHA-256, never 0.</summary>
    public static int IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Math.Max(1, (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) & int.MaxValue));
    }

    /// <summary>A key within the column's length: a longer one is cut and ended with a hash of the whole.</summary>
    private static string Bounded(string key) =>
        key.Length <= MaxKeyLength ? key : key[..(MaxKeyLength - 17)] + "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    /// <summary>
    /// Whether <paramref name="b"/> may tell <paramref name="a"/>'s document as far as validity goes: not when both give an
    /// end (or a start) and they differ, nor when <paramref name="b"/> was signed after <paramref name="a"/>'s validity ended.
    /// </summary>
    private static bool ValiditiesAgree(Mention a, Mention b) =>
        !(a.ValidTo is { } end && ((b.ValidTo is { } otherEnd && otherEnd != end) || (b.SignedOn is { } signed && signed.FirstDay > end.LastDay)))
        && !(a.ValidFrom is { } start && b.ValidFrom is { } otherStart && otherStart != start);

    /// <summary>
    /// Whether two subjects may be one document's: yes when either is missing or says nothing beyond "cooperation", when
    /// the words of one are among the other's, or when they share at least half of the shorter one's words.
    /// </summary>
    internal static bool SubjectsAgree(string? a, string? b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0 || left.IsSubsetOf(right) || right.IsSubsetOf(left))
        {
            return true;
        }

        return left.Intersect(right).Count() * 2 >= Math.Min(left.Count, right.Count);

        static HashSet<string> Words(string? text) =>
            [.. TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('-')).Where(w => w.Length > 0 && !Filler.Contains(w))];
    }

    private sealed record RecordValues(string Kind, string Slug, string? Name, string? Subject, string? CounterpartOrganisation, string? Place, PartialDate? ValidFrom, PartialDate? ValidTo);

    /// <summary>A record's values from its mentions: the longest subject, the most told name, organisation and place, the validity given.</summary>
    private static RecordValues Values(Draft draft, Dictionary<int, string> countryNames)
    {
        var mentions = draft.Mentions;
        var kind = MostTold(mentions.Select(m => m.Kind))!;
        var subject = mentions.Select(m => m.Subject).Where(s => !string.IsNullOrWhiteSpace(s)).OrderByDescending(s => s!.Length).FirstOrDefault();
        var validity = mentions.Find(m => m.ValidFrom is not null || m.ValidTo is not null);
        var countries = mentions[0].CountryIds.Select(id => countryNames.GetValueOrDefault(id, string.Empty)).Order(StringComparer.Ordinal);
        var slug = Slugs.From(string.Join(' ', [kind, .. countries, subject ?? draft.Date?.ToString() ?? string.Empty]), SlugLength);
        return new RecordValues(
            kind,
            slug,
            MostTold(mentions.Select(m => m.Name)),
            subject,
            MostTold(mentions.Select(m => m.CounterpartOrganisation)),
            MostTold(mentions.Select(m => m.Place)),
            validity?.ValidFrom,
            validity?.ValidTo);
    }

    /// <summary>The value most mentions give; among as many, the longest, then the first.</summary>
    private static string? MostTold(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select((v, i) => (Value: v!, Order: i))
            .GroupBy(v => v.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.Length)
            .ThenBy(g => g.Min(v => v.Order))
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>Makes a link table between records and one other side what the records want: adds what is missing, removes what is not wanted.</summary>
    private static async Task LinkAsync(ArchiveDbContext db, string table, string otherColumn, HashSet<int>? scope, IEnumerable<(int RecordId, IEnumerable<int> Others)> wanted, CancellationToken cancellationToken)
    {
        const string RecordColumn = "AgreementRecordId";
        var rows = db.Set<Dictionary<string, object>>(table);
        var read = rows.AsNoTracking();
        if (scope is not null)
        {
            var ids = scope.ToList();
            read = read.Where(r => ids.Contains(EF.Property<int>(r, RecordColumn)));
        }

        var have = (await read
                .Select(r => new { Record = EF.Property<int>(r, RecordColumn), Other = EF.Property<int>(r, otherColumn) })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Record, r.Other))
            .ToHashSet();
        var want = wanted.SelectMany(w => w.Others.Select(o => (Record: w.RecordId, Other: o))).ToHashSet();
        var changed = new List<Dictionary<string, object>>();
        foreach (var (record, other) in want.Except(have))
        {
            var row = new Dictionary<string, object> { [RecordColumn] = record, [otherColumn] = other };
            rows.Add(row);
            changed.Add(row);
        }

        foreach (var (record, other) in have.Except(want))
        {
            var row = new Dictionary<string, object> { [RecordColumn] = record, [otherColumn] = other };
            rows.Remove(row);
            changed.Add(row);
        }

        if (changed.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);

        // A removed row is no longer tracked once saved (and a shared-type entity cannot be looked up untracked): only the added ones are let go.
        var written = changed.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries<Dictionary<string, object>>().Where(e => written.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
