namespace MinistryNews.Core.Search;

/// <summary>
/// The Porter stemmer (M. F. Porter, 1980), the one SQLite's FTS5 <c>porter</c> tokenizer applies to the stemmed
/// index: "ministers" and "minister" are "minist", "signing" and "signed" are "sign". The search page uses it to mark
/// the words a stemmed search found in a passage. A word of other letters than a to z is its own stem.
/// </summary>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var w = new Word(word);
        w.Step1();
        w.Replace(Step2Rules, minimumMeasure: 1);
        w.Replace(Step3Rules, minimumMeasure: 1);
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private string _b = text;

        public override string ToString() => _b;

        public void Step1()
        {
            // 1a: plurals.
            if (_b.EndsWith("sses", StringComparison.Ordinal) || _b.EndsWith("ies", StringComparison.Ordinal))
            {
                _b = _b[..^2];
            }
            else if (_b.EndsWith('s') && !_b.EndsWith("ss", StringComparison.Ordinal))
            {
                _b = _b[..^1];
            }

            // 1b: -eed, -ed, -ing.
            if (_b.EndsWith("eed", StringComparison.Ordinal))
            {
                if (Measure(_b.Length - 3) > 0)
                {
                    _b = _b[..^1];
                }
            }
            else if ((EndsWithAfterVowel("ed") ?? EndsWithAfterVowel("ing")) is { } stem)
            {
                _b = _b[..stem];
                if (_b.EndsWith("at", StringComparison.Ordinal) || _b.EndsWith("bl", StringComparison.Ordinal) || _b.EndsWith("iz", StringComparison.Ordinal))
                {
                    _b += "e";
                }
                else if (DoubleConsonant(_b.Length - 1) && _b[^1] is not ('l' or 's' or 'z'))
                {
                    _b = _b[..^1];
                }
                else if (Measure(_b.Length) == 1 && ConsonantVowelConsonant(_b.Length - 1))
                {
                    _b += "e";
                }
            }

            // 1c: -y after a vowel in the stem.
            if (_b.EndsWith('y') && HasVowel(_b.Length - 1))
            {
                _b = _b[..^1] + "i";
            }
        }

        public void Replace((string Suffix, string Replacement)[] rules, int minimumMeasure)
        {
            var rule = rules.Where(r => _b.EndsWith(r.Suffix, StringComparison.Ordinal)).OrderByDescending(r => r.Suffix.Length).FirstOrDefault();
            if (rule.Suffix is not null && Measure(_b.Length - rule.Suffix.Length) >= minimumMeasure)
            {
                _b = _b[..^rule.Suffix.Length] + rule.Replacement;
            }
        }

        public void Step4()
        {
            var suffix = Step4Suffixes.Where(s => _b.EndsWith(s, StringComparison.Ordinal)).MaxBy(s => s.Length);
            if (suffix is null)
            {
                return;
            }

            var stem = _b.Length - suffix.Length;
            if (Measure(stem) > 1 && (suffix != "ion" || (stem > 0 && _b[stem - 1] is 's' or 't')))
            {
                _b = _b[..stem];
            }
        }

        public void Step5()
        {
            if (_b.EndsWith('e'))
            {
                var m = Measure(_b.Length - 1);
                if (m > 1 || (m == 1 && !ConsonantVowelConsonant(_b.Length - 2)))
                {
                    _b = _b[..^1];
                }
            }

            if (_b.EndsWith("ll", StringComparison.Ordinal) && Measure(_b.Length) > 1)
            {
                _b = _b[..^1];
            }
        }

        /// <summary>The length of the stem before the suffix when the word ends with it and the stem has a vowel.</summary>
        private int? EndsWithAfterVowel(string suffix) =>
            _b.EndsWith(suffix, StringComparison.Ordinal) && HasVowel(_b.Length - suffix.Length) ? _b.Length - suffix.Length : null;

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC){m}[V] of the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        private bool HasVowel(int length) => Enumerable.Range(0, length).Any(i => !IsConsonant(i));

        private bool DoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

        /// <summary>Consonant, vowel, consonant ending at <paramref name="i"/>, the last not w, x or y ("hop", not "how").</summary>
        private bool ConsonantVowelConsonant(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');
    }
}
