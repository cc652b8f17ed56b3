using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Core.Editors;

namespace MinistryNews.Cli;

/// <summary>
/// <c>users add NAME</c>, <c>users list</c>, <c>users remove NAME</c>: the editors' accounts, which only this command makes
/// (the site has no sign-up). A password is read from standard input when it is redirected (one line), otherwise typed
/// twice without echo.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var (database, postgres) = IngestCommand.StorageOptions();
        ArchiveStorage Storage(ParseResult result) => IngestCommand.StorageOf(result.GetValue(postgres), result.GetRequiredValue(database));

        var addName = new Argument<string>("name") { Description = "The editor's sign-in name." };
        var add = new Command("add", "Make an editor's account; the password is read from standard input, or typed twice without echo.") { addName };
        add.SetAction((result, cancellationToken) =>
            AddAsync(Storage(result), result.GetRequiredValue(addName), ReadPassword(Console.Error), Console.Out, Console.Error, cancellationToken));

        var list = new Command("list", "List the editors' accounts.");
        list.SetAction((result, cancellationToken) => ListAsync(Storage(result), Console.Out, cancellationToken));

        var removeName = new Argument<string>("name") { Description = "The editor's sign-in name." };
        var remove = new Command("remove", "Remove an editor's account.") { removeName };
        remove.SetAction((result, cancellationToken) => RemoveAsync(Storage(result), result.GetRequiredValue(removeName), Console.Out, Console.Error, cancellationToken));

        return new Command("users", "The editors who may sign in to correct the archive.") { database, postgres, add, list, remove };
    }

    public static async Task<int> AddAsync(ArchiveStorage storage, string name, string? password, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password))
        {
            await errors.WriteLineAsync("No password given (type it twice the same, or give it as one line of standard input).");
            return 1;
        }

        await using var services = await ServicesAsync(storage, cancellationToken);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var result = await users.CreateAsync(new Editor(name), password);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync($"{name}: not added: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await output.WriteLineAsync($"Added editor {name}.");
        return 0;
    }

    public static async Task<int> ListAsync(ArchiveStorage storage, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var services = await ServicesAsync(storage, cancellationToken);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var editors = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.UserName, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var editor in editors)
        {
            var state = editor.LockoutEnd > now ? $"locked until {editor.LockoutEnd:yyyy-MM-dd HH:mm} UTC" : editor.AccessFailedCount > 0 ? $"{editor.AccessFailedCount} failed sign-ins" : "active";
            await output.WriteLineAsync($"{editor.UserName}\t{state}");
        }

        if (editors.Count == 0)
        {
            await output.WriteLineAsync("No editors yet: add one with `ministrynews users add NAME`.");
        }

        return 0;
    }

    public static async Task<int> RemoveAsync(ArchiveStorage storage, string name, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        await using var services = await ServicesAsync(storage, cancellationToken);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        if (await users.FindByNameAsync(name) is not { } editor)
        {
            await errors.WriteLineAsync($"{name}: no such editor.");
            return 1;
        }

        var result = await users.DeleteAsync(editor);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync($"{name}: not removed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await output.WriteLineAsync($"Removed editor {name}.");
        return 0;
    }

    /// <summary>ASP.NET Core Identity's account store on the archive's database, migrated first.</summary>
    private static async Task<ServiceProvider> ServicesAsync(ArchiveStorage storage, CancellationToken cancellationToken)
    {
        await using (var db = new ArchiveDbContext(ArchiveDatabase.Options(storage)))
        {
            await ArchiveDatabase.MigrateAsync(db, cancellationToken);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ArchiveDbContext>(options => options.UseArchive(storage));
        services.AddIdentityCore<Editor>(options => options.Password.RequiredLength = Editor.MinPasswordLength)
            .AddEntityFrameworkStores<ArchiveDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>A password from standard input (one line) when it is redirected, else typed twice at the terminal without echo.</summary>
    private static string? ReadPassword(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        prompt.Write("Password: ");
        var first = ReadHidden();
        prompt.Write("Password again: ");
        var second = ReadHidden();
        if (first != second)
        {
            prompt.WriteLine("The two passwords differ.");
            return null;
        }

        return first;

        string ReadHidden()
        {
            var typed = new StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            prompt.WriteLine();
            return typed.ToString();
        }
    }
}
