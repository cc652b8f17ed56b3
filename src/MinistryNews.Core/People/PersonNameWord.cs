namespace MinistryNews.Core.People;

/// <summary>A word of one of a person's spellings: how the store finds the people a new spelling may name.</summary>
public sealed class PersonNameWord
{
    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public required string Word { get; set; }
}
