namespace MinistryNews.Core.Tests;

/// <summary>
/// Tests that compare times run alone, after the others of this assembly: a machine of two cores shared with the
/// other tests would otherwise time their neighbours as much as themselves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "Timing";
}
