using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;

namespace MinistryNews.Cli.Tests;

/// <summary>The editors' accounts, made and removed from the command line only; the password never stored as typed.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "Hanoi-Archive-2026";

    private readonly string _root = Directory.CreateTempSubdirectory("ministrynews-users").FullName;

    [Fact]
    public async Task Should_add_list_and_remove_an_editor_and_refuse_a_second_of_the_same_name_or_a_weak_password()
    {
        var database = TestDatabase.Create(_root);
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();

            var added = await UsersCommand.AddAsync(database, "lan.nguyen", Password, output, errors);
            var again = await UsersCommand.AddAsync(database, "lan.nguyen", Password, output, errors);
            var weak = await UsersCommand.AddAsync(database, "minh.tran", "password", output, errors);
            var listed = await UsersCommand.ListAsync(database, output);
            var removed = await UsersCommand.RemoveAsync(database, "lan.nguyen", output, errors);
            var removedAgain = await UsersCommand.RemoveAsync(database, "lan.nguyen", output, errors);

            Assert.Equal([0, 1, 1, 0, 0, 1], [added, again, weak, listed, removed, removedAgain]);
            Assert.Equal(["Added editor lan.nguyen.", "lan.nguyen\tactive", "Removed editor lan.nguyen."], Lines(output));
            var problems = Lines(errors);
            Assert.Equal("lan.nguyen: not added: Username 'lan.nguyen' is already taken.", problems[0]);
            Assert.StartsWith("minh.tran: not added: Passwords must be at least 12 characters.", problems[1], StringComparison.Ordinal);
            Assert.Equal("lan.nguyen: no such editor.", problems[2]);
            await using var db = new ArchiveDbContext(ArchiveDatabase.Options(database));
            Assert.Equal(0, await db.Users.CountAsync());
        }
        finally
        {
            TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task Should_read_the_password_from_standard_input_and_keep_only_its_hash()
    {
        var database = TestDatabase.Create(_root);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            string[] target = database.Provider == ArchiveProvider.Sqlite
                ? ["--db", new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource]
                : ["--postgres", database.ConnectionString];
            foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "ministrynews.dll"), "users", "add", "lan.nguyen", .. target])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync(Password);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {error}");
            Assert.Equal("Added editor lan.nguyen.", output.Trim());
            Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
            await using var db = new ArchiveDbContext(ArchiveDatabase.Options(database));
            var editor = await db.Users.SingleAsync();
            Assert.Equal("lan.nguyen", editor.UserName);
            Assert.StartsWith("AQAAAA", editor.PasswordHash, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, editor.PasswordHash!, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabase.Drop(database);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
