namespace MinistryNews.Core.Tests.Registers;

/// <summary>A short press release around one sentence: long enough in prose to be read as one.</summary>
internal static class PressTexts
{
    public const string Prose =
        "The two sides discussed cooperation in telecommunications, information technology, digital transformation and cyber security. "
        + "They agreed to strengthen the exchange of experience and the training of officials between the agencies of the two countries in the coming years.";

    public static string Of(string headline, string published, string sentence) =>
        $"{headline}\n\n{published} | 09:59 am GMT+7\n\n{sentence}\n\n{Prose}\n";
}
