using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Generation;
using MinistryNews.Core.Ingestion;
using MinistryNews.Core.Search;

namespace MinistryNews.Benchmarks;

internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(ExtractionBenchmarks)]).Run(args);
        return 0;
    }
}

/// <summary>The CPU cost of one article before it is stored: reading the file's bytes, extracting, folding for search.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private SourceDocument _generated = null!;
    private SourceDocument _seed = null!;
    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var article = new CorpusGenerator(Gazetteer.Default, 7).Generate(1).Single();
        _generated = new SourceDocument(article.FileName, article.Text);
        var seed = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.txt").Order(StringComparer.Ordinal).First();
        _bytes = File.ReadAllBytes(seed);
        _seed = SourceReader.Read(Path.GetFileName(seed), _bytes).Document!;
    }

    [Benchmark]
    public ExtractedArticle ExtractGenerated() => ArticleExtractor.Default.Extract(_generated);

    [Benchmark]
    public ExtractedArticle ExtractSeed() => ArticleExtractor.Default.Extract(_seed);

    [Benchmark]
    public SourceFile ReadAndHash() => SourceReader.Read("seed.txt", _bytes);

    [Benchmark]
    public string FoldForSearch() => SearchText.Fold(_generated.Text);
}
