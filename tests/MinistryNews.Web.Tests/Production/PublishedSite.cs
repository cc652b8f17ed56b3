using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MinistryNews.Web.Tests.Production;

/// <summary>The tests of the published build run on their own: the build and its process want the machine to themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedSiteGroup : ICollectionFixture<PublishedSite>
{
    public const string Name = "Published";
}

/// <summary>
/// The site as an operator runs it (<c>docs/deployment.md</c>): <c>dotnet publish</c> in Release, the output started as
/// a process of its own with <c>ASPNETCORE_ENVIRONMENT=Production</c> on a loopback port, its own SQLite file and a
/// copy of the repository's data folder, which it ingests on start.
/// </summary>
public sealed class PublishedSite : IAsyncLifetime
{
    private readonly StringBuilder _output = new();

    private Process? _process;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ministrynews-published", Guid.NewGuid().ToString("N"));

    /// <summary>The published output: the application and its <c>wwwroot</c>.</summary>
    public string AppFolder => Path.Combine(Root, "app");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client that asks for no compression and decompresses nothing: each test sets <c>Accept-Encoding</c> itself.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the process wrote, for the message of a failure.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var repository = Repository.Root
            ?? throw new InvalidOperationException($"No MinistryNews.sln above {AppContext.BaseDirectory}: the published build is made from the repository.");

        Directory.CreateDirectory(Root);
        var project = Path.Combine(repository, "src", "MinistryNews.Web", "MinistryNews.Web.csproj");
        var (code, output, error) = await ToolProcess.RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", AppFolder, "--nologo", "-v", "q"], TimeSpan.FromMinutes(10));
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({code}):\n{output}{error}");
        }

        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data")))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppFolder, "MinistryNews.Web.dll")])
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Archive__DataPath"] = data;
        start.Environment["Archive__Database"] = Path.Combine(Root, "archive.db");
        start.Environment["Archive__Watch"] = "false";
        start.Environment["Archive__CostlyRequestsPerMinute"] = "100000";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The published site did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // Ready when it answers and has stored the data folder: the API counts the articles of the seeds.
        var expected = Directory.EnumerateFiles(data).Count();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The published site stopped ({_process.ExitCode}):\n{Output}");
            }

            try
            {
                var answer = await Client.GetStringAsync(new Uri("/api/articles?pageSize=1", UriKind.Relative));
                if (answer.Contains($"\"total\":{expected},", StringComparison.Ordinal))
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The published site did not store the {expected} files within two minutes:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary folder to clear.
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
