using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>
/// What a hostile request leaves in the log, read from the real app's standard output (a process of its own, as
/// deployed, its console redirected as under systemd or a container): a path with CR, LF and ANSI escapes forges no
/// line and colours nothing.
/// </summary>
public sealed class RequestLogTests
{
    private const string ForgedLine = "[12:00:00 ERR] The archive is corrupt: restore from backup";

    [Fact]
    public async Task Should_log_a_path_with_line_breaks_and_ansi_escapes_escaped_on_one_line()
    {
        await using var app = await AppProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync(new Uri($"/articles%0D%0A{Uri.EscapeDataString(ForgedLine)}%0A%1B[31mred%1B[0m%07%C2%9B", UriKind.Relative));
        var output = await app.OutputUntilAsync("red");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var lines = output.Replace(Environment.NewLine, "\n", StringComparison.Ordinal).Split('\n');
        var logged = Assert.Single(lines, l => l.Contains("HTTP GET /articles", StringComparison.Ordinal));
        Assert.Contains(@"/articles\r\n" + ForgedLine + @"\n\x1B[31mred\x1B[0m\x07\x9B responded 404", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith(ForgedLine, StringComparison.Ordinal));
        Assert.DoesNotContain(output, c => c is '\r' or '\x1B' or '\x07' or '\x9B');
    }

    [Theory]
    [InlineData("/articles/12/hoi-nghi", "/articles/12/hoi-nghi")]
    [InlineData("/people/nguyễn-mạnh-hùng", "/people/nguyễn-mạnh-hùng")]
    [InlineData("a\r\nb\tc\0d", @"a\r\nb\tc\x00d")]
    [InlineData("\x1B[2J\x7F\u0085\u009B", @"\x1B[2J\x7F\x85\x9B")]
    [InlineData("admin\u202Etxt.exe\u2028next", @"admin\u202Etxt.exe\u2028next")]
    public void Should_escape_control_characters_and_leave_other_text_as_it_is(string text, string logged) =>
        Assert.Equal(logged, LogEscaping.Escape(text));

    /// <summary>The web app started with <c>dotnet MinistryNews.Web.dll</c> on a free loopback port and an empty archive.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _root;
        private readonly StringBuilder _output = new();
        private readonly Task _reading;

        private AppProcess(Process process, string root, Uri baseAddress)
        {
            _process = process;
            _root = root;
            BaseAddress = baseAddress;
            _reading = ReadAsync(process.StandardOutput);
        }

        public Uri BaseAddress { get; }

        public static async Task<AppProcess> StartAsync()
        {
            var root = Path.Combine(Path.GetTempPath(), "ministrynews-web-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(root, "data"));
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MinistryNews.Web.dll"), "--contentRoot", root])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Archive__Database"] = Path.Combine(root, "archive.db");
            start.Environment["Archive__DataPath"] = Path.Combine(root, "data");
            start.Environment["Archive__Watch"] = "false";
            start.Environment["Serilog__MinimumLevel__Default"] = "Information";
            var app = new AppProcess(Process.Start(start)!, root, new Uri($"http://127.0.0.1:{port}"));
            app._process.ErrorDataReceived += (_, _) => { };
            app._process.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
            {
                try
                {
                    using var ready = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                    if (ready.IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline && !app._process.HasExited)
                {
                    // Not listening yet.
                }
            }
        }

        /// <summary>What the app has written to its standard output once it holds <paramref name="text"/> (or 30 s pass).</summary>
        public async Task<string> OutputUntilAsync(string text)
        {
            for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
            {
                lock (_output)
                {
                    if (_output.ToString().Contains(text, StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            lock (_output)
            {
                return _output.ToString();
            }
        }

        private async Task ReadAsync(StreamReader reader)
        {
            var buffer = new char[4096];
            for (int read; (read = await reader.ReadAsync(buffer)) > 0;)
            {
                lock (_output)
                {
                    _output.Append(buffer, 0, read);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            await _reading;
            _process.Dispose();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left to the temp folder's own cleaning.
            }
        }
    }
}
