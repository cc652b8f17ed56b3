using System.Text.RegularExpressions;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>How a form of event-lexicon.json reads: what a new trigger written in it will match.</summary>
public sealed class EventLexiconTests
{
    [Theory]
    [InlineData("met/meets [with]", "met with", true)]
    [InlineData("met/meets [with]", "meets", true)]
    [InlineData("[joint] declaration/declarations", "the Bangkok Declaration", true)]
    [InlineData("[joint] declaration/declarations", "a joint declaration", true)]
    [InlineData("paid [a/an] ... visit to", "paid an official friendship visit to", true)]
    [InlineData("paid [a/an] ... visit to", "paid a long and very official friendship visit to", false)]
    [InlineData("courtesy call/visit on/to", "courtesy  call\non", true)]
    public void Should_compile_a_form_into_what_it_says(string form, string text, bool matches)
    {
        var pattern = new Regex($@"\b(?:{EventLexicon.Form(form)})\b", RegexOptions.IgnoreCase);

        Assert.Equal(matches, pattern.IsMatch(text));
    }

    [Fact]
    public void Should_not_take_the_space_before_a_word_when_the_optional_first_word_is_absent()
    {
        var match = new Regex(EventLexicon.Form("[joint] declaration"), RegexOptions.IgnoreCase).Match("the Hanoi Declaration");

        Assert.Equal("Declaration", match.Value);
    }

    [Theory]
    [InlineData("Minister Nguyen Manh Hung received Ambassador Ito Naoki.", MeetingRole.Host)]
    [InlineData("Minister Nguyen Manh Hung held talks with Minister Ito Naoki.", MeetingRole.Meet)]
    [InlineData("In a phone call with Minister Ito Naoki, the minister …", MeetingRole.Talks)]
    [InlineData("The ministry worked with Japanese partners.", MeetingRole.Weak)]
    public void Should_give_each_meeting_trigger_its_role(string sentence, MeetingRole role)
    {
        var trigger = EventLexicon.Default.MeetingTrigger.Match(sentence);

        Assert.True(trigger.Success);
        Assert.Equal(role, EventLexicon.RoleOf(trigger));
    }

    [Theory]
    [InlineData("signed a Memorandum of Understanding on cooperation", "Memorandum of Understanding")]
    [InlineData("the MoUs signed in 2011", "Memorandum of Understanding")]
    [InlineData("adopted the Plan of Action", "Action plan")]
    [InlineData("an exchange of letters of intent", "Letter of Intent")]
    public void Should_name_the_kind_of_each_document(string text, string kind)
    {
        var noun = EventLexicon.Default.DocumentNoun.Match(text);

        Assert.True(noun.Success);
        Assert.Equal(kind, EventLexicon.Default.KindOf(noun));
    }
}
