using System.CommandLine;
using MinistryNews.Cli;

var root = new RootCommand("MinistryNews: read press releases into the archive.")
{
    ExtractCommand.Create(),
    IngestCommand.Create(),
    EvalCommand.Create(),
    GenerateCommand.Create(),
    UsersCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
