using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;
using MinistryNews.Core.Search;

namespace MinistryNews.Core.Ingestion;

/// <summary>An article to store: its key in the data folder, the file read and what the extraction read from it.</summary>
public sealed record ArticleToStore(string SourceFile, SourceFile File, ExtractedArticle Extracted)
{
    /// <summary>Its text as the columns and the full-text index hold it: made where the article is made (in parallel), not by the writer.</summary>
    internal ArticleText Text { get; } = ArticleText.From(File, Extracted);
}

/// <summary>The text columns of an article and of its full-text entry, which depend on nothing but the article.</summary>
internal sealed record ArticleText(string Slug, string RawText, string BodyJson, string FoldedTitle, string FoldedBody, string AccentedTitle, string AccentedBody, string TextHash)
{
    public static ArticleText From(SourceFile file, ExtractedArticle extracted)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(extracted);
        var body = string.Join('\n', extracted.Body.Select(b => b.Text));
        return new ArticleText(
            Slugs.From(extracted.Title),
            file.RawText ?? file.Document?.Text ?? string.Empty,
            ArticleConfiguration.SerializeBody(extracted.Body as List<BodyBlock> ?? [.. extracted.Body]),
            SearchText.Fold(extracted.Title),
            SearchText.Fold(body),
            SearchText.AccentedWords(extracted.Title),
            SearchText.AccentedWords(body),
            HashOfText(extracted.Title, body));
    }

    /// <summary>SHA-256 of the title and the body with every run of white space (non-breaking spaces too) made one space.</summary>
    public static string HashOfText(string title, string body)
    {
        var words = $"{title}\n{body}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(' ', words))));
    }
}

/// <summary>
/// Stores extracted articles in batches, one transaction a batch: a new article is added; a stored one keeps its id and
/// has its facts replaced, and the people and organisations its old text alone named leave the archive. People,
/// countries and organisations are shared across the archive and found by identity in <see cref="ArchiveIdentities"/>,
/// read once from the database and kept in step with what is written; rows go in through prepared SQLite statements on
/// the context's connection, in the columns and formats of the EF Core model. The full-text index follows in the same
/// transaction. A batch that fails is stored again one article at a time, so one bad article fails alone.
/// </summary>
public sealed class ArticleWriter : IDisposable
{
    private readonly ArchiveDbContext _db;
    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private readonly Statements _sql;
    private readonly Converters _convert;
    private readonly ArchiveChanges? _changes;
    private ArchiveIdentities? _identities;
    private List<Correction>? _merges;
    private long _dataVersion;

    /// <param name="db">The archive.</param>
    /// <param name="changes">When given, what the written and withdrawn articles touch is noted there for the registers (<see cref="ArchiveRegisters"/>).</param>
    public ArticleWriter(ArchiveDbContext db, ArchiveChanges? changes = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _changes = changes;
        _db.Database.OpenConnection();
        _connection = _db.Database.GetDbConnection();
        _postgres = _db.Database.IsNpgsql();
        _sql = new Statements(_connection, _postgres);
        _convert = new Converters(_db, _postgres);
        if (_postgres)
        {
            return;
        }

        // A batch writes megabytes: a page cache that holds it (and the indexes it touches) spares SQLite from spilling
        // pages to the log in the middle of a transaction and reading index pages again.
        Pragma($"cache_size = -{CacheKibibytes}");

        // Each batch would otherwise copy the log back into the database (with a flush to disk) at its commit: let the
        // log grow to some 64 MiB between copies while the writer runs.
        Pragma($"wal_autocheckpoint = {CheckpointPages}");
    }

    /// <summary>The writer's page cache, in KiB (SQLite's default is 2 MiB).</summary>
    public const int CacheKibibytes = 32 * 1024;

    /// <summary>Log pages between checkpoints while the writer runs (SQLite's default is 1,000).</summary>
    public const int CheckpointPages = 16_000;

    public void Dispose()
    {
        _sql.Dispose();
        if (!_postgres)
        {
            Pragma("cache_size = -2000");
            Pragma("wal_autocheckpoint = 1000");
        }

        _db.Database.CloseConnection();
    }

    /// <summary>Stores a batch in order; each article comes back added, updated or failed with the reason.</summary>
    public IReadOnlyList<FileResult> Store(IReadOnlyList<ArticleToStore> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        if (batch.Count > 1)
        {
            try
            {
                return StoreTogether(batch, cancellationToken);
            }
#pragma warning disable CA1031 // Whatever failed, the batch is stored again article by article and the faulty one is named.
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                _identities = null;
            }
        }

        return [.. batch.Select(article => StoreAlone(article, cancellationToken))];
    }

    private FileResult StoreAlone(ArticleToStore article, CancellationToken cancellationToken)
    {
        try
        {
            return StoreTogether([article], cancellationToken)[0];
        }
#pragma warning disable CA1031 // One article that cannot be stored fails alone, named with its problem.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _identities = null;
            return new FileResult(article.SourceFile, FileOutcome.Failed, Error: $"storing failed: {ex.GetBaseException().Message}");
        }
    }

    private List<FileResult> StoreTogether(IReadOnlyList<ArticleToStore> batch, CancellationToken cancellationToken)
    {
        // SQLite: take the write lock at once (BEGIN IMMEDIATE). Both: check foreign keys at the commit, since an article's
        // links are written before the people and organisations of the batch (Flush).
        using var transaction = _connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : _connection.BeginTransaction();
        _sql.DeferForeignKeys.Execute(transaction);
        var identities = Identities(transaction);
        var results = new List<FileResult>(batch.Count);
        foreach (var article in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(Write(article, identities, transaction));
        }

        Flush(identities, transaction);
        if (_postgres)
        {
            // Ids are given here, not by the identity columns: move their sequences past them for other writers.
            foreach (var (table, next) in identities.Ids.All)
            {
                _sql.SetSequence(table).Execute(transaction, next - 1);
            }
        }

        _sql.AdvanceGeneration.Execute(transaction);
        transaction.Commit();
        identities.ClearChanges();
        return results;
    }

    /// <summary>The identities as the database holds them: read on the first batch, and again when another connection wrote.</summary>
    private ArchiveIdentities Identities(DbTransaction transaction)
    {
        // PostgreSQL has no data_version: there the identities are read once a writer (one ingestion run, which holds the
        // archive's ingestion lock) and kept.
        var version = _postgres ? 0L : (long)_sql.DataVersion!.Scalar(transaction)!;
        if (_identities is null || version != _dataVersion)
        {
            _identities = Load(transaction);
            _dataVersion = version;
        }

        return _identities;
    }

    private FileResult Write(ArticleToStore item, ArchiveIdentities identities, DbTransaction transaction)
    {
        var (key, _, extracted) = item;
        var text = item.Text;
        var now = DateTime.UtcNow;
        var existing = _sql.ArticleBySource.Scalar(transaction, key) is { } found ? Convert.ToInt32(found, CultureInfo.InvariantCulture) : (int?)null;
        if (existing is null)
        {
            // A copy of a stored article's text (a second file, or the file it was read from under a new name) is one of
            // its sources, not an article of its own; a withdrawn article whose text comes back is restored at its address.
            _sql.DeleteSource.Execute(transaction, key);
            using var reader = _sql.ArticleByText.Query(transaction, text.TextHash);
            var same = reader.Read() ? (Id: reader.GetInt32(0), Withdrawn: !reader.IsDBNull(1)) : ((int Id, bool Withdrawn)?)null;
            reader.Close();
            if (same is { Withdrawn: false } copy)
            {
                _sql.InsertSource.Execute(transaction, key, copy.Id, ArticleKeys.From(key), item.File.ContentHash, now);
                return new FileResult(key, FileOutcome.Duplicate, copy.Id);
            }

            existing = same?.Id;
        }

        // The editors' corrections of a stored article are applied to every reading of it, and each keeps where it stands.
        var corrected = Correct(existing, extracted, now, transaction);
        if (corrected is not null)
        {
            extracted = corrected.Article;
            text = ArticleText.From(item.File, extracted) with { TextHash = text.TextHash };
        }

        var published = extracted.Published?.ToString();
        var publishedOn = extracted.Published?.FirstDay;
        object?[] row =
        [
            key, extracted.Title, extracted.TitleDerived, text.Slug, published, publishedOn, extracted.PublishedFrom.ToString(),
            extracted.SourceUrl, extracted.Byline, text.RawText, text.BodyJson,
            item.File.ContentHash, ArticleExtractor.Version, now, text.TextHash,
        ];

        // The facts of the old text go; the article row (and so its id and links) stays.
        List<(int PersonId, string? Title, string NameAsWritten)> formerPeople = [];
        List<int> formerOrganisations = [];
        int id;
        if (existing is { } stored)
        {
            id = stored;
            (formerPeople, formerOrganisations) = RemoveFacts(id, identities, transaction);

            // A file whose text changed is no longer a copy of its old copies: they leave the article, and the next
            // reading of the folder takes each for what it is (an article of its own, or a copy of another).
            _sql.DetachCopies.Execute(transaction, id, key, text.TextHash);
            _sql.UpdateArticle.Execute(transaction, [id, .. row, false, corrected?.Corrected ?? false]);

            // An article stored before addresses came from files has its number as its key: it takes its file's key now.
            _sql.GiveKey.Execute(transaction, id, ArticleKeys.From(key));
        }
        else
        {
            id = identities.Ids.Article++;
            _sql.InsertArticle.Execute(transaction, [id, .. row, ArticleKeys.From(key)]);
        }

        _sql.UpsertSource.Execute(transaction, key, id, ArticleKeys.From(key), item.File.ContentHash, now);
        if (corrected is { Withdrawn: true })
        {
            // Withdrawn by the editors: the facts stay out (they went above), the row and its text stay, as for a file gone.
            DeleteOrphans(formerPeople, formerOrganisations, identities, transaction);
            _sql.WithdrawArticle.Execute(transaction, id, now, true);
            return new FileResult(key, FileOutcome.Withdrawn, id);
        }

        // Countries, organisations and people, in the order the old store resolved them.
        var countries = extracted.Countries.Distinct(StringComparer.Ordinal).Select(identities.Country).Distinct().ToList();
        foreach (var country in countries)
        {
            _sql.InsertArticleCountry.Execute(transaction, id, country.Id);
        }

        var organisations = new List<OrganisationRow>();
        foreach (var organisation in extracted.Organisations.Select(identities.Organisation))
        {
            if (!organisations.Contains(organisation))
            {
                organisations.Add(organisation);
                _sql.InsertArticleOrganisation.Execute(transaction, id, organisation.Id);
            }
        }

        var mentions = new List<Mention>();
        var byName = new Dictionary<string, PersonRow>(StringComparer.Ordinal);
        foreach (var extractedPerson in extracted.People)
        {
            var country = extractedPerson.CountryCode is null ? null : identities.Country(extractedPerson.CountryCode);
            var person = identities.Person(extractedPerson, country);
            foreach (var spelling in extractedPerson.Aliases.Prepend(extractedPerson.Name))
            {
                byName[spelling] = person;
            }

            if (mentions.All(m => m.Person != person))
            {
                var organisation = extractedPerson.Organisation is { } name
                    ? organisations.FirstOrDefault(o => o.Name == name && (o.CountryId == country?.Id || o.CountryId is null))
                        ?? organisations.FirstOrDefault(o => o.Name == name)
                    : null;
                mentions.Add(new Mention(person, extractedPerson.Name, extractedPerson.Title, country?.Id, organisation?.Id, extractedPerson.Evidence));
            }
        }

        PersonRow? Known(string name) =>
            byName.TryGetValue(name, out var person) ? person
            : byName.FirstOrDefault(p => Person.KeyOf(p.Key) == Person.KeyOf(name)).Value;
        List<PersonRow> KnownPeople(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Select(Known).OfType<PersonRow>().Distinct()];
        List<CountryRow> CountriesOf(IEnumerable<string> codes) => [.. codes.Distinct(StringComparer.Ordinal).Select(identities.Country).Distinct()];

        var meetings = extracted.Meetings.Select(m => (Meeting: m, People: KnownPeople(m.Participants), Countries: CountriesOf(m.CounterpartCountries))).ToList();
        var delegations = extracted.Delegations.Select(d => (
            Delegation: d,
            Leader: d.Leader is null ? null : Known(d.Leader),
            Members: KnownPeople(d.Members),
            From: d.FromCountry is null ? null : identities.Country(d.FromCountry),
            Destinations: CountriesOf(d.Destinations))).ToList();
        var agreements = extracted.Agreements.Select(a => (Agreement: a, Countries: CountriesOf(a.CounterpartCountries), Signatories: KnownPeople(a.Signatories))).ToList();

        // Officials named by title alone take the person the archive shows holding that title on the article's date.
        foreach (var unnamed in extracted.UnnamedOfficials)
        {
            var country = unnamed.CountryCode is null ? null : identities.Country(unnamed.CountryCode);
            if (identities.Holder(unnamed.Title, country, extracted.Published) is not { } holder)
            {
                continue;
            }

            if (mentions.All(m => m.Person != holder))
            {
                mentions.Add(new Mention(holder, unnamed.Title, unnamed.Title, holder.CountryId, null, unnamed.Evidence));
            }

            foreach (var (_, participants, _) in meetings.Where(m => m.Meeting.Evidence == unnamed.Evidence && !m.People.Contains(holder)))
            {
                participants.Add(holder);
            }
        }

        if (_changes is { } changes)
        {
            changes.Article(id);
            changes.Countries.UnionWith(countries.Select(c => c.Id));
            foreach (var mention in mentions)
            {
                changes.People.Add(mention.Person.Id);
                if (mention.Title is { } title)
                {
                    changes.Titles.Add(title);
                }
            }

            foreach (var (_, counterparts, _) in agreements)
            {
                changes.AgreementCountries.Add(AgreementRegister.CodesOf(counterparts.Select(c => c.Code)));
            }
        }

        foreach (var mention in mentions)
        {
            _sql.InsertMention.Execute(transaction, id, mention.Person.Id, mention.NameAsWritten, mention.Title, mention.CountryId, mention.Evidence, mention.OrganisationId);
        }

        foreach (var (meeting, participants, counterparts) in meetings)
        {
            var meetingId = identities.Ids.Meeting++;
            var firstCountry = counterparts.Select(c => c.Name).Order(StringComparer.Ordinal).FirstOrDefault();
            _sql.InsertMeeting.Execute(transaction, meetingId, id, meeting.Kind.ToString(), meeting.Date?.ToString(), meeting.Location, meeting.Evidence, meeting.DateSource.ToString(), meeting.Name, meeting.CounterpartOrganisation, firstCountry, corrected?.MarkOf(meeting));
            foreach (var person in participants)
            {
                _sql.InsertMeetingParticipant.Execute(transaction, meetingId, person.Id);
            }

            foreach (var country in counterparts)
            {
                _sql.InsertMeetingCountry.Execute(transaction, meetingId, country.Id);
            }
        }

        foreach (var (delegation, leader, members, from, destinations) in delegations)
        {
            var delegationId = identities.Ids.Delegation++;
            _sql.InsertDelegation.Execute(transaction, delegationId, id, leader?.Id, from?.Id, delegation.Start?.ToString(), delegation.End?.ToString(), delegation.Evidence, delegation.DateSource.ToString(), corrected?.MarkOf(delegation));
            foreach (var person in members)
            {
                _sql.InsertDelegationMember.Execute(transaction, delegationId, person.Id);
            }

            foreach (var country in destinations)
            {
                _sql.InsertDelegationDestination.Execute(transaction, delegationId, country.Id);
            }
        }

        foreach (var (agreement, counterparts, signatories) in agreements)
        {
            var agreementId = identities.Ids.Agreement++;
            _sql.InsertAgreement.Execute(
                transaction,
                agreementId,
                id,
                agreement.Kind,
                agreement.Name,
                agreement.SignedOn?.ToString(),
                agreement.Valid?.From?.ToString(),
                agreement.Valid?.To?.ToString(),
                agreement.Evidence,
                agreement.DateSource.ToString(),
                agreement.Subject,
                agreement.CounterpartOrganisation,
                agreement.Place,
                agreement.Renews?.Kind,
                agreement.Renews?.SignedOn?.ToString(),
                corrected?.MarkOf(agreement));
            foreach (var country in counterparts)
            {
                _sql.InsertAgreementCountry.Execute(transaction, agreementId, country.Id);
            }

            foreach (var person in signatories)
            {
                _sql.InsertAgreementSignatory.Execute(transaction, agreementId, person.Id);
            }
        }

        foreach (var mention in mentions.Where(m => m.Title is not null))
        {
            identities.AddStoredMention(id, mention.Person.Id, mention.Title!, mention.NameAsWritten, publishedOn);
        }

        // The full-text index follows the article in the same transaction: found at once, or not found at all.
        var names = string.Join('\n', mentions.SelectMany(m => m.Person.Spellings).Distinct(StringComparer.Ordinal));
        var places = string.Join('\n', countries.SelectMany(c => c.Aliases.Prepend(c.Name)).Distinct(StringComparer.Ordinal));
        string[] accented = [text.AccentedTitle, text.AccentedBody, SearchText.AccentedWords(names), SearchText.AccentedWords(places)];
        if (_postgres)
        {
            _sql.InsertSearch.Execute(transaction, id, text.FoldedTitle, text.FoldedBody, SearchText.Fold(names), SearchText.Fold(places), accented[0], accented[1], accented[2], accented[3]);
        }
        else
        {
            _sql.InsertSearch.Execute(transaction, id, text.FoldedTitle, text.FoldedBody, SearchText.Fold(names), SearchText.Fold(places));
            _sql.InsertSearchStemmed.Execute(transaction, id, text.FoldedTitle, text.FoldedBody, SearchText.Fold(names), SearchText.Fold(places));
        }

        if (!_postgres && accented.Any(a => a.Length > 0))
        {
            _sql.InsertSearchExact.Execute(transaction, id, accented[0], accented[1], accented[2], accented[3]);
        }

        DeleteOrphans(formerPeople, formerOrganisations, identities, transaction);
        return new FileResult(key, existing is null ? FileOutcome.Added : FileOutcome.Updated, id);
    }

    /// <summary>
    /// Applies the people merged across the archive and the article's own corrections (a stored article's) to its new
    /// reading (<see cref="CorrectionOverlay"/>), and records where each of the article's now stands; null when none apply.
    /// </summary>
    private CorrectedArticle? Correct(int? id, ExtractedArticle extracted, DateTime now, DbTransaction transaction)
    {
        _merges ??= ReadCorrections(_sql.PersonMerges, transaction, null);
        var corrections = id is { } articleId ? ReadCorrections(_sql.CorrectionsOfArticle, transaction, articleId) : [];
        if (corrections.Count == 0 && _merges.Count == 0)
        {
            return null;
        }

        var corrected = CorrectionOverlay.Apply(extracted, [.. _merges, .. corrections]);
        foreach (var outcome in corrected.Outcomes)
        {
            if (corrections.Find(c => c.Id == outcome.CorrectionId) is { } correction && correction.State != outcome.State)
            {
                _sql.SetCorrectionState.Execute(transaction, outcome.CorrectionId, outcome.State.ToString(), outcome.Note, now);
            }
        }

        return corrected;
    }

    private static List<Correction> ReadCorrections(SqlStatement statement, DbTransaction transaction, int? articleId)
    {
        var corrections = new List<Correction>();
        using var reader = articleId is { } id ? statement.Query(transaction, id) : statement.Query(transaction);
        while (reader.Read())
        {
            corrections.Add(new Correction
            {
                Id = reader.GetInt32(0),
                ArticleId = articleId,
                Kind = Enum.Parse<CorrectionKind>(reader.GetString(1)),
                Before = reader.IsDBNull(2) ? null : reader.GetString(2),
                After = reader.IsDBNull(3) ? null : reader.GetString(3),
                State = Enum.Parse<CorrectionState>(reader.GetString(4)),
                Reason = string.Empty,
                EditorName = string.Empty,
            });
        }

        return corrections;
    }

    /// <summary>
    /// Takes files that left the data folder out of the archive, in one transaction. A copy's going leaves its article
    /// as it is. When the file an article was read from goes and a copy stays, the copy becomes the file it is read from.
    /// When an article's last file goes, the article is withdrawn: its facts and its search entry go, its row and its
    /// text stay (its page says withdrawn, at the same address), and the file's return restores it.
    /// </summary>
    public IReadOnlyList<FileResult> Withdraw(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            return [];
        }

        using var transaction = _connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : _connection.BeginTransaction();
        var identities = Identities(transaction);
        var results = new List<FileResult>(paths.Count);
        var now = DateTime.UtcNow;
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var articleId = _sql.ArticleOfSource.Scalar(transaction, path) is { } a ? Convert.ToInt32(a, CultureInfo.InvariantCulture) : (int?)null;
            var readFrom = _sql.ArticleBySource.Scalar(transaction, path) is { } b ? Convert.ToInt32(b, CultureInfo.InvariantCulture) : (int?)null;
            if (readFrom is { } id)
            {
                using var reader = _sql.OtherSource.Query(transaction, id, path);
                var other = reader.Read() ? (Path: reader.GetString(0), Hash: reader.GetString(1)) : ((string Path, string Hash)?)null;
                reader.Close();
                if (other is { } copy)
                {
                    _sql.DeleteSource.Execute(transaction, path);
                    _sql.ReadFrom.Execute(transaction, id, copy.Path, copy.Hash);
                    results.Add(new FileResult(path, FileOutcome.Unchanged, id));
                    continue;
                }

                var (people, organisations) = RemoveFacts(id, identities, transaction);
                DeleteOrphans(people, organisations, identities, transaction);
                _sql.WithdrawArticle.Execute(transaction, id, now, false);
                results.Add(new FileResult(path, FileOutcome.Withdrawn, id));
            }
            else if (articleId is { } copyOf)
            {
                _sql.DeleteSource.Execute(transaction, path);
                results.Add(new FileResult(path, FileOutcome.Unchanged, copyOf));
            }
        }

        _sql.AdvanceGeneration.Execute(transaction);
        transaction.Commit();
        identities.ClearChanges();
        return results;
    }

    /// <summary>Deletes an article's facts and search entry; gives back the people and organisations it named.</summary>
    private (List<(int PersonId, string? Title, string NameAsWritten)> People, List<int> Organisations) RemoveFacts(int id, ArchiveIdentities identities, DbTransaction transaction)
    {
        List<(int PersonId, string? Title, string NameAsWritten)> people = [];
        List<int> organisations = [];
        using (var reader = _sql.MentionsOfArticle.Query(transaction, id))
        {
            while (reader.Read())
            {
                people.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
                if (_changes is { } changes)
                {
                    changes.People.Add(reader.GetInt32(0));
                    if (!reader.IsDBNull(1))
                    {
                        changes.Titles.Add(reader.GetString(1));
                    }

                    if (!reader.IsDBNull(3))
                    {
                        changes.Offices.Add(reader.GetInt32(3));
                    }
                }
            }
        }

        if (_changes is { } noted)
        {
            noted.Article(id);
            using (var countries = _sql.CountriesOfArticle.Query(transaction, id))
            {
                while (countries.Read())
                {
                    noted.Countries.Add(countries.GetInt32(0));
                }
            }

            var codes = new Dictionary<int, List<string>>();
            using var reader = _sql.AgreementCountriesOfArticle.Query(transaction, id);
            while (reader.Read())
            {
                var agreement = codes.TryGetValue(reader.GetInt32(0), out var list) ? list : codes[reader.GetInt32(0)] = [];
                if (!reader.IsDBNull(1))
                {
                    agreement.Add(reader.GetString(1));
                }
            }

            foreach (var agreement in codes.Values)
            {
                noted.AgreementCountries.Add(AgreementRegister.CodesOf(agreement));
            }
        }

        using (var reader = _sql.OrganisationsOfArticle.Query(transaction, id))
        {
            while (reader.Read())
            {
                organisations.Add(reader.GetInt32(0));
            }
        }

        identities.RemoveMentions(id, people);
        foreach (var delete in _sql.DeleteFacts)
        {
            delete.Execute(transaction, id);
        }

        return (people, organisations);
    }

    /// <summary>A person or an organisation no article names any more (a changed or withdrawn text dropped them) leaves the archive.</summary>
    private void DeleteOrphans(List<(int PersonId, string? Title, string NameAsWritten)> people, List<int> organisations, ArchiveIdentities identities, DbTransaction transaction)
    {
        foreach (var personId in people.Select(p => p.PersonId).Distinct())
        {
            if (_sql.DeleteOrphanPerson.Execute(transaction, personId) > 0)
            {
                identities.RemovePerson(personId);
            }
        }

        foreach (var organisationId in organisations)
        {
            if (_sql.DeleteOrphanOrganisation.Execute(transaction, organisationId) > 0)
            {
                identities.RemoveOrganisation(organisationId);
                _changes?.Organisations = true;
            }
        }
    }

    /// <summary>Writes the shared rows the batch made or changed.</summary>
    private void Flush(ArchiveIdentities identities, DbTransaction transaction)
    {
        if (identities.NewOrganisations.Count > 0 && _changes is { } changes)
        {
            changes.Organisations = true;
        }

        foreach (var country in identities.NewCountries)
        {
            _sql.InsertCountry.Execute(transaction, country.Id, country.Code, country.Name, country.Slug, _convert.CountryAliases(country.Aliases));
        }

        foreach (var organisation in identities.NewOrganisations)
        {
            _sql.InsertOrganisation.Execute(
                transaction,
                organisation.Id,
                organisation.Name,
                organisation.Acronym,
                organisation.NameKey,
                organisation.Slug,
                organisation.KnownKey,
                _convert.OrganisationAliases(organisation.Aliases),
                organisation.CountryId,
                organisation.SuccessorId);
        }

        foreach (var organisation in identities.ChangedOrganisations.Except(identities.NewOrganisations))
        {
            _sql.UpdateOrganisation.Execute(transaction, organisation.Id, organisation.Acronym);
        }

        foreach (var person in identities.NewPeople)
        {
            _sql.InsertPerson.Execute(transaction, person.Id, person.Name, Person.KeyOf(person.Name), person.Slug, _convert.PersonAliases(person.Aliases), person.CountryId);
        }

        foreach (var person in identities.ChangedPeople.Except(identities.NewPeople))
        {
            _sql.UpdatePerson.Execute(transaction, person.Id, _convert.PersonAliases(person.Aliases), person.CountryId);
        }

        foreach (var (personId, word) in identities.NewWords)
        {
            _sql.InsertWord.Execute(transaction, personId, word);
        }
    }

    private void Pragma(string pragma)
    {
        using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // The writer's own constant pragmas.
        command.CommandText = $"PRAGMA {pragma}";
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private ArchiveIdentities Load(DbTransaction transaction)
    {
        var ids = new ArchiveIdentities.NextIds
        {
            Article = NextId("Articles"),
            Country = NextId("Countries"),
            Person = NextId("People"),
            Organisation = NextId("Organisations"),
            Meeting = NextId("Meetings"),
            Delegation = NextId("Delegations"),
            Agreement = NextId("Agreements"),
        };
        var identities = new ArchiveIdentities(ids);
        foreach (var reader in Rows("""SELECT "Id", "Code", "Name", "Slug", "Aliases" FROM "Countries" """))
        {
            identities.AddStoredCountry(new CountryRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), _convert.ReadAliases(reader, 4)));
        }

        foreach (var reader in Rows("""SELECT "Id", "Name", "Slug", "Aliases", "CountryId" FROM "People" ORDER BY "Id" """))
        {
            identities.AddStoredPerson(identities.StoredPerson(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(4) ? null : reader.GetInt32(4), _convert.ReadAliases(reader, 3)));
        }

        foreach (var reader in Rows("""SELECT "PersonId", "Word" FROM "PersonNameWords" """))
        {
            identities.AddStoredWord(reader.GetInt32(0), reader.GetString(1));
        }

        foreach (var reader in Rows("""SELECT "Id", "Name", "Acronym", "NameKey", "Slug", "KnownKey", "Aliases", "CountryId", "SuccessorId" FROM "Organisations" ORDER BY "Id" """))
        {
            identities.AddStoredOrganisation(new OrganisationRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                _convert.ReadAliases(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7))
            {
                Acronym = reader.IsDBNull(2) ? null : reader.GetString(2),
                SuccessorId = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            });
        }

        // In the order they were written (SQLite's rowid; PostgreSQL's rows have none: article by article).
        var mentions = """SELECT m."ArticleId", m."PersonId", m."Title", m."NameAsWritten", a."PublishedOn" FROM "ArticlePeople" AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId" WHERE m."Title" IS NOT NULL ORDER BY """
            + (_postgres ? "m.\"ArticleId\"" : "m.rowid");
        foreach (var reader in Rows(mentions))
        {
            identities.AddStoredMention(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4));
        }

        return identities;

        int NextId(string table)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // The table is one of the names above.
            command.CommandText = _postgres
                ? $"SELECT greatest(coalesce((SELECT max(\"Id\") FROM \"{table}\"), 0), coalesce(pg_sequence_last_value({Statements.SequenceOf(table)}), 0)) + 1"
                : $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), coalesce((SELECT max(Id) FROM \"{table}\"), 0)) + 1";
#pragma warning restore CA2100
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        IEnumerable<DbDataReader> Rows(string sql)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Constant statements.
            command.CommandText = sql;
#pragma warning restore CA2100
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return reader;
            }
        }
    }

    private sealed record Mention(PersonRow Person, string NameAsWritten, string? Title, int? CountryId, int? OrganisationId, string Evidence);

    /// <summary>
    /// The aliases columns as the EF Core model stores them: JSON text through the model's own value converters on SQLite
    /// (so rows written here read back exactly as EF Core wrote them), a <c>text[]</c> array on PostgreSQL.
    /// </summary>
    private sealed class Converters(ArchiveDbContext db, bool postgres)
    {
        private readonly ValueConverter? _countryAliases = postgres ? null : Converter<Country>(db, nameof(Country.Aliases));
        private readonly ValueConverter? _personAliases = postgres ? null : Converter<Person>(db, nameof(Person.Aliases));
        private readonly ValueConverter? _organisationAliases = postgres ? null : Converter<Organisation>(db, nameof(Organisation.Aliases));

        public object? CountryAliases(List<string> aliases) => _countryAliases is null ? aliases.ToArray() : _countryAliases.ConvertToProvider(aliases);

        public object? PersonAliases(IReadOnlyList<string> aliases) => _personAliases is null ? aliases.ToArray() : _personAliases.ConvertToProvider(aliases as List<string> ?? [.. aliases]);

        public object? OrganisationAliases(List<string> aliases) => _organisationAliases is null ? aliases.ToArray() : _organisationAliases.ConvertToProvider(aliases);

        /// <summary>Reads an aliases column (the converters of the three are alike: a list of strings).</summary>
        public List<string> ReadAliases(DbDataReader reader, int ordinal) => _countryAliases is null
            ? [.. reader.GetFieldValue<string[]>(ordinal)]
            : [.. (IEnumerable<string>)_countryAliases.ConvertFromProvider(reader.GetString(ordinal))!];

        private static ValueConverter Converter<TEntity>(ArchiveDbContext db, string property) =>
            db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetTypeMapping().Converter
                ?? throw new InvalidOperationException($"The model has no converter for {typeof(TEntity).Name}.{property}.");
    }

    /// <summary>
    /// The writer's statements, made once for the life of the writer, in SQL that SQLite and PostgreSQL both read (quoted
    /// identifiers) except where they differ: the search index, the write lock and foreign keys, sequences.
    /// </summary>
    private sealed class Statements(DbConnection connection, bool postgres) : IDisposable
    {
        private const string ArticleColumns = "\"SourceFile\", \"Title\", \"TitleDerived\", \"Slug\", \"Published\", \"PublishedOn\", \"PublishedFrom\", \"SourceUrl\", \"Byline\", \"RawText\", \"Body\", \"ContentHash\", \"ExtractorVersion\", \"IngestedAtUtc\", \"TextHash\"";

        private readonly List<SqlStatement> _all = [];
        private readonly Dictionary<string, SqlStatement> _sequences = new(StringComparer.Ordinal);

        /// <summary>SQLite's count of changes made by other connections (none on PostgreSQL).</summary>
        public SqlStatement? DataVersion => postgres ? null : field ??= Make("PRAGMA data_version");

        public SqlStatement AdvanceGeneration => field ??= Make(ArchiveGeneration.AdvanceSql(postgres));

        public SqlStatement DeferForeignKeys => field ??= Make(postgres ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON");

        public SqlStatement ArticleBySource => field ??= Make("""SELECT "Id" FROM "Articles" WHERE "SourceFile" = $1""");

        public SqlStatement InsertArticle => field ??= Make($"INSERT INTO \"Articles\" (\"Id\", {ArticleColumns}, \"Key\", \"ChangedAtUtc\") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $15)");

        /// <summary>
        /// Rewrites an article's columns; a withdrawn article read again is back (unless its corrections withdraw it). Its change time moves when its text is
        /// another or it comes back, not when the same text is read again (every SET reads the row as it was).
        /// </summary>
        public SqlStatement UpdateArticle => field ??= Make(
            """UPDATE "Articles" SET "SourceFile" = $2, "Title" = $3, "TitleDerived" = $4, "Slug" = $5, "Published" = $6, "PublishedOn" = $7, "PublishedFrom" = $8, "SourceUrl" = $9, """ +
            """ "Byline" = $10, "RawText" = $11, "Body" = $12, "ContentHash" = $13, "ExtractorVersion" = $14, "IngestedAtUtc" = $15, "TextHash" = $16, "WithdrawnAtUtc" = NULL, "WithdrawnByEditors" = $17, "Corrected" = $18, """ +
            """ "ChangedAtUtc" = CASE WHEN "TextHash" = $16 AND "WithdrawnAtUtc" IS NULL THEN "ChangedAtUtc" ELSE $15 END WHERE "Id" = $1""");

        /// <summary>The corrections an article's reading takes, in the order they were made.</summary>
        public SqlStatement CorrectionsOfArticle => field ??= Make(
            """SELECT "Id", "Kind", "Before", "After", "State" FROM "Corrections" WHERE "ArticleId" = $1 AND "State" <> 'Undone' ORDER BY "Id" """);

        /// <summary>The people merged across the archive, in the order the merges were made (read once by a writer).</summary>
        public SqlStatement PersonMerges => field ??= Make(
            """SELECT "Id", "Kind", "Before", "After", "State" FROM "Corrections" WHERE "Kind" = 'PersonMerge' AND "State" <> 'Undone' ORDER BY "Id" """);

        public SqlStatement SetCorrectionState => field ??= Make(
            """UPDATE "Corrections" SET "State" = $2, "StateNote" = $3, "StateChangedAtUtc" = $4 WHERE "Id" = $1""");

        /// <summary>Gives an article stored before keys existed (its key is its number) the key of its file.</summary>
        public SqlStatement GiveKey => field ??= Make(
            """UPDATE "Articles" SET "Key" = $2 WHERE "Id" = $1 AND "Key" = CAST("Id" AS TEXT) AND NOT EXISTS (SELECT 1 FROM "Articles" WHERE "Key" = $2)""");

        /// <summary>The live or withdrawn article with this text, the live one first.</summary>
        public SqlStatement ArticleByText => field ??= Make("""SELECT "Id", "WithdrawnAtUtc" FROM "Articles" WHERE "TextHash" = $1 ORDER BY "WithdrawnAtUtc" IS NOT NULL, "Id" LIMIT 1""");

        public SqlStatement ArticleOfSource => field ??= Make("""SELECT "ArticleId" FROM "ArticleSources" WHERE "Path" = $1""");

        public SqlStatement OtherSource => field ??= Make("""SELECT "Path", "ContentHash" FROM "ArticleSources" WHERE "ArticleId" = $1 AND "Path" <> $2 ORDER BY "Path" LIMIT 1""");

        public SqlStatement InsertSource => field ??= Make("""INSERT INTO "ArticleSources" ("Path", "ArticleId", "Key", "ContentHash", "AddedAtUtc") VALUES ($1, $2, $3, $4, $5)""");

        public SqlStatement UpsertSource => field ??= Make(
            """INSERT INTO "ArticleSources" ("Path", "ArticleId", "Key", "ContentHash", "AddedAtUtc") VALUES ($1, $2, $3, $4, $5) """ +
            """ON CONFLICT ("Path") DO UPDATE SET "ArticleId" = excluded."ArticleId", "ContentHash" = excluded."ContentHash" """);

        public SqlStatement DeleteSource => field ??= Make("""DELETE FROM "ArticleSources" WHERE "Path" = $1""");

        /// <summary>The other files of an article whose text is about to change (its id, the file read, the new text's hash).</summary>
        public SqlStatement DetachCopies => field ??= Make(
            """DELETE FROM "ArticleSources" WHERE "ArticleId" = $1 AND "Path" <> $2 AND EXISTS (SELECT 1 FROM "Articles" WHERE "Id" = $1 AND "TextHash" <> $3)""");

        /// <summary>The copy an article is read from once its first file is gone.</summary>
        public SqlStatement ReadFrom => field ??= Make("""UPDATE "Articles" SET "SourceFile" = $2, "ContentHash" = $3 WHERE "Id" = $1""");

        public SqlStatement WithdrawArticle => field ??= Make("""UPDATE "Articles" SET "WithdrawnAtUtc" = $2, "WithdrawnByEditors" = $3 WHERE "Id" = $1""");

        public SqlStatement MentionsOfArticle => field ??= Make("""SELECT "PersonId", "Title", "NameAsWritten", "OfficeId" FROM "ArticlePeople" WHERE "ArticleId" = $1""");

        public SqlStatement AgreementCountriesOfArticle => field ??= Make(
            """SELECT a."Id", c."Code" FROM "Agreements" a LEFT JOIN "AgreementCountries" l ON l."AgreementId" = a."Id" LEFT JOIN "Countries" c ON c."Id" = l."CounterpartCountriesId" WHERE a."ArticleId" = $1""");

        public SqlStatement OrganisationsOfArticle => field ??= Make("""SELECT "OrganisationsId" FROM "ArticleOrganisations" WHERE "ArticlesId" = $1""");

        /// <summary>An article's facts; their link rows go with them (ON DELETE CASCADE).</summary>
        public IReadOnlyList<SqlStatement> DeleteFacts => field ??=
        [
            Make("""DELETE FROM "Meetings" WHERE "ArticleId" = $1"""),
            Make("""DELETE FROM "Delegations" WHERE "ArticleId" = $1"""),
            Make("""DELETE FROM "Agreements" WHERE "ArticleId" = $1"""),
            Make("""DELETE FROM "ArticlePeople" WHERE "ArticleId" = $1"""),
            Make("""DELETE FROM "ArticleCountries" WHERE "ArticlesId" = $1"""),
            Make("""DELETE FROM "ArticleOrganisations" WHERE "ArticlesId" = $1"""),
            .. postgres
                ? [Make("""DELETE FROM "ArticleSearch" WHERE "ArticleId" = $1""")]
                : new[] { Make("DELETE FROM ArticleSearch WHERE rowid = $1"), Make("DELETE FROM ArticleSearchStemmed WHERE rowid = $1"), Make("DELETE FROM ArticleSearchExact WHERE rowid = $1") },
        ];

        public SqlStatement CountriesOfArticle => field ??= Make("""SELECT "CountriesId" FROM "ArticleCountries" WHERE "ArticlesId" = $1""");

        public SqlStatement InsertArticleCountry => field ??= Make("""INSERT INTO "ArticleCountries" ("ArticlesId", "CountriesId") VALUES ($1, $2)""");

        public SqlStatement InsertArticleOrganisation => field ??= Make("""INSERT INTO "ArticleOrganisations" ("ArticlesId", "OrganisationsId") VALUES ($1, $2)""");

        public SqlStatement InsertMention => field ??= Make("""INSERT INTO "ArticlePeople" ("ArticleId", "PersonId", "NameAsWritten", "Title", "CountryId", "Evidence", "OrganisationId") VALUES ($1, $2, $3, $4, $5, $6, $7)""");

        public SqlStatement InsertMeeting => field ??= Make("""INSERT INTO "Meetings" ("Id", "ArticleId", "Kind", "Date", "Location", "Evidence", "DateSource", "Name", "CounterpartOrganisation", "FirstCountryName", "CorrectionId") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""");

        public SqlStatement InsertMeetingParticipant => field ??= Make("""INSERT INTO "MeetingParticipants" ("MeetingId", "ParticipantsId") VALUES ($1, $2)""");

        public SqlStatement InsertMeetingCountry => field ??= Make("""INSERT INTO "MeetingCountries" ("MeetingId", "CounterpartCountriesId") VALUES ($1, $2)""");

        public SqlStatement InsertDelegation => field ??= Make("""INSERT INTO "Delegations" ("Id", "ArticleId", "LeaderId", "FromCountryId", "Start", "End", "Evidence", "DateSource", "CorrectionId") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""");

        public SqlStatement InsertDelegationMember => field ??= Make("""INSERT INTO "DelegationMembers" ("DelegationId", "MembersId") VALUES ($1, $2)""");

        public SqlStatement InsertDelegationDestination => field ??= Make("""INSERT INTO "DelegationDestinations" ("DelegationId", "DestinationsId") VALUES ($1, $2)""");

        public SqlStatement InsertAgreement => field ??= Make(
            """INSERT INTO "Agreements" ("Id", "ArticleId", "Kind", "Name", "SignedOn", "ValidFrom", "ValidTo", "Evidence", "DateSource", "Subject", "CounterpartOrganisation", "Place", "RenewsKind", "RenewsSignedOn", "CorrectionId") """ +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");

        public SqlStatement InsertAgreementCountry => field ??= Make("""INSERT INTO "AgreementCountries" ("AgreementId", "CounterpartCountriesId") VALUES ($1, $2)""");

        public SqlStatement InsertAgreementSignatory => field ??= Make("""INSERT INTO "AgreementSignatories" ("AgreementId", "SignatoriesId") VALUES ($1, $2)""");

        /// <summary>The search entry: id, then folded title, body, people, countries, then the same four as written with accents.</summary>
        public SqlStatement InsertSearch => field ??= Make(postgres ? SearchIndex.PostgreSqlInsert : "INSERT INTO ArticleSearch (rowid, title, body, people, countries) VALUES ($1, $2, $3, $4, $5)");

        public SqlStatement InsertSearchStemmed => field ??= Make("INSERT INTO ArticleSearchStemmed (rowid, title, body, people, countries) VALUES ($1, $2, $3, $4, $5)");

        public SqlStatement InsertSearchExact => field ??= Make("INSERT INTO ArticleSearchExact (rowid, title, body, people, countries) VALUES ($1, $2, $3, $4, $5)");

        public SqlStatement DeleteOrphanPerson => field ??= Make("""DELETE FROM "People" WHERE "Id" = $1 AND NOT EXISTS (SELECT 1 FROM "ArticlePeople" WHERE "PersonId" = $1)""");

        public SqlStatement DeleteOrphanOrganisation => field ??= Make("""DELETE FROM "Organisations" WHERE "Id" = $1 AND "KnownKey" IS NULL AND NOT EXISTS (SELECT 1 FROM "ArticleOrganisations" WHERE "OrganisationsId" = $1)""");

        public SqlStatement InsertCountry => field ??= Make("""INSERT INTO "Countries" ("Id", "Code", "Name", "Slug", "Aliases") VALUES ($1, $2, $3, $4, $5)""");

        public SqlStatement InsertOrganisation => field ??= Make("""INSERT INTO "Organisations" ("Id", "Name", "Acronym", "NameKey", "Slug", "KnownKey", "Aliases", "CountryId", "SuccessorId") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""");

        public SqlStatement UpdateOrganisation => field ??= Make("""UPDATE "Organisations" SET "Acronym" = $2 WHERE "Id" = $1""");

        public SqlStatement InsertPerson => field ??= Make("""INSERT INTO "People" ("Id", "Name", "NameKey", "Slug", "Aliases", "CountryId") VALUES ($1, $2, $3, $4, $5, $6)""");

        public SqlStatement UpdatePerson => field ??= Make("""UPDATE "People" SET "Aliases" = $2, "CountryId" = $3 WHERE "Id" = $1""");

        public SqlStatement InsertWord => field ??= Make("""INSERT INTO "PersonNameWords" ("PersonId", "Word") VALUES ($1, $2)""");

        /// <summary>The PostgreSQL sequence behind a table's identity column, in SQL.</summary>
        public static string SequenceOf(string table) => $"pg_get_serial_sequence('\"{table}\"', 'Id')::regclass";

        /// <summary>PostgreSQL: moves a table's identity sequence to the last id given (when rows were written).</summary>
        public SqlStatement SetSequence(string table)
        {
            if (!_sequences.TryGetValue(table, out var statement))
            {
                statement = Make($"SELECT CASE WHEN $1 > 0 THEN setval(pg_get_serial_sequence('\"{table}\"', 'Id'), $1) END");
                _sequences[table] = statement;
            }

            return statement;
        }

        public void Dispose()
        {
            foreach (var statement in _all)
            {
                statement.Dispose();
            }
        }

        private SqlStatement Make(string sql)
        {
            var statement = new SqlStatement(connection, sql);
            _all.Add(statement);
            return statement;
        }
    }
}
