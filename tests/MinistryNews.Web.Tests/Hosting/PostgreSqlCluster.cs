using System.Net;
using System.Net.Sockets;
using MinistryNews.Core;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>
/// A PostgreSQL server of a test's own (initdb in a temporary folder, on a free port), which the test may stop and start
/// under a running app without touching the server the other tests share. Needs the server's programs
/// (<c>/usr/lib/postgresql/*/bin</c>, Debian's <c>postgresql</c>); as root, the server runs as the postgres user.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly int _port;
    private readonly bool _asRoot = Environment.UserName == "root";

    private PostgreSqlCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        _port = port;
    }

    /// <summary>The server's own <c>postgres</c> database, for the app.</summary>
    public ArchiveStorage Storage => ArchiveStorage.PostgreSql($"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres");

    public static async Task<PostgreSqlCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(Directory.Exists).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's programs are not installed (apt-get install postgresql).");
        }

        var folder = Directory.CreateTempSubdirectory("ministrynews-cluster").FullName;
        var cluster = new PostgreSqlCluster(folder, bin, FreePort());
        if (cluster._asRoot)
        {
            await cluster.RunAsync("chown", ["postgres", folder]);
        }

        await cluster.RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asServer: true);
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Stops the server as an administrator would (<c>pg_ctl stop -m fast</c>: every session is ended).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "fast", "-w", "stop"], asServer: true);

    /// <summary>Starts the stopped server again, on the same port, and returns once it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsync(
        Path.Combine(_bin, "pg_ctl"),
        ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
        asServer: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "stop"], asServer: true);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string Data => Path.Combine(_folder, "data");

    private async Task RunAsync(string file, IEnumerable<string> arguments, bool asServer = false)
    {
        var (code, output, error) = asServer && _asRoot
            ? await ToolProcess.RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments], TimeSpan.FromMinutes(1))
            : await ToolProcess.RunAsync(file, arguments, TimeSpan.FromMinutes(1));
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({code}): {output} {error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
