namespace SecondOpinionBot.Content;

/// <summary>
/// A translation against the default language: the same message keys with the same placeholders, and the same ids
/// (reasons, situations, questions, records, needs, choices, FAQ, queues) with the same tags and rules, since the code
/// and a patient's saved answers name them. Only the words differ. Glossary terms and the words lists are the
/// language's own words, so they are not compared. Each problem names the translation's file and line.
/// </summary>
internal static class ContentParity
{
    public static void Check(ContentCatalog original, ContentCatalog translation, ContentErrors errors)
    {
        var source = original.Culture;
        Messages(original, translation, source, errors);

        Same(original.Reasons, translation.Reasons, r => r.Id, r => r.Location, "reason", translation, ContentFiles.Reasons, "reasons", source, errors,
            (a, b) => Differ("situations it is suggested for", a.SuggestWhen.Select(s => s.Situation), b.SuggestWhen.Select(s => s.Situation))
                ?? (a.SoundsLikeYou.Count != b.SoundsLikeYou.Count ? $"{b.SoundsLikeYou.Count} `soundsLikeYou` questions, but {a.SoundsLikeYou.Count} in {source}" : null));
        Same(original.Situations, translation.Situations, s => s.Id, s => s.Location, "situation", translation, ContentFiles.Situations, "situations", source, errors, null);
        Same(original.Questions, translation.Questions, q => q.Id, q => q.Location, "question", translation, ContentFiles.Questions, "questions", source, errors,
            (a, b) => Differ("reasons", a.Reasons, b.Reasons) ?? Differ("situations", a.Situations, b.Situations));
        Same(original.Records, translation.Records, r => r.Id, r => r.Location, "record", translation, ContentFiles.Records, "records", source, errors,
            (a, b) => Differ("reasons", a.Reasons, b.Reasons) ?? Differ("situations", a.Situations, b.Situations)
                ?? (a.Always != b.Always ? $"`always: {Bool(b.Always)}`, but `always: {Bool(a.Always)}` in {source}" : null)
                ?? (a.AfterHelp != b.AfterHelp ? $"`afterHelp: {Bool(b.AfterHelp)}`, but `afterHelp: {Bool(a.AfterHelp)}` in {source}" : null));
        Same(original.Needs, translation.Needs, n => n.Id, n => n.Location, "need", translation, ContentFiles.Needs, "needs", source, errors,
            (a, b) => a.IsNone != b.IsNone ? $"`none: {Bool(b.IsNone)}`, but `none: {Bool(a.IsNone)}` in {source}" : null);
        Same(original.ChoiceSets, translation.ChoiceSets, s => s.Id, s => s.Location, "choice set", translation, ContentFiles.Choices, "choiceSets", source, errors, null);
        foreach (var set in translation.ChoiceSets)
        {
            if (original.ChoiceSets.FirstOrDefault(s => s.Id == set.Id) is { } english)
            {
                Same(english.Choices, set.Choices, c => c.Id, c => c.Location, $"choice in set `{set.Id}`", translation, ContentFiles.Choices, "choiceSets", source, errors,
                    (a, b) => Differ("situations", a.Situations, b.Situations), missingAt: set.Location);
            }
        }

        Same(original.Faq, translation.Faq, f => f.Id, f => f.Location, "faq entry", translation, ContentFiles.Faq, "faq", source, errors, null);
        Same(original.Routing.Queues, translation.Routing.Queues, q => q.Id, q => q.Location, "queue", translation, ContentFiles.Routing, "queues", source, errors, null);
        Routing(original, translation, source, errors);
    }

    private static void Messages(ContentCatalog original, ContentCatalog translation, string source, ContentErrors errors)
    {
        // Staff wording is the default language's own (staff always read it); a translation carries it unchanged.
        static bool Patient(ContentMessage m) => !m.Key.StartsWith("staff.", StringComparison.Ordinal);
        var theirs = original.Messages.All.Where(Patient).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var ours = translation.Messages.All.Where(Patient).GroupBy(m => m.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (key, message) in theirs.Where(t => !ours.ContainsKey(t.Key)))
        {
            errors.Add(WhereMessageBelongs(translation, key),
                $"message `{key}` is missing: {source}/{ContentFiles.Messages} has it (line {message.Location.Line}), and every language needs the same messages.");
        }

        foreach (var (key, message) in ours)
        {
            if (!theirs.TryGetValue(key, out var english))
            {
                errors.Add(message.Location, $"message `{key}` is not in {source}/{ContentFiles.Messages}: add it there first, or remove it here.");
                continue;
            }

            var want = MessageCatalog.PlaceholdersIn(english.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var have = MessageCatalog.PlaceholdersIn(message.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!want.SequenceEqual(have, StringComparer.Ordinal))
            {
                errors.Add(message.Location,
                    $"message `{key}` has the placeholders {List(have)} here, but {List(want)} in {source}/{ContentFiles.Messages} (line {english.Location.Line}): keep every {{name}} exactly as it is there.");
            }
        }
    }

    private static void Routing(ContentCatalog original, ContentCatalog translation, string source, ContentErrors errors)
    {
        var at = ListStart(translation, ContentFiles.Routing, "rules");
        var a = original.Routing;
        var b = translation.Routing;
        if (a.DefaultQueue != b.DefaultQueue)
        {
            errors.Add(ListStart(translation, ContentFiles.Routing, "defaultQueue"), $"`defaultQueue` is `{b.DefaultQueue}` here but `{a.DefaultQueue}` in {source}: routing must be the same in every language.");
        }

        static string Rule(RoutingRule r) =>
            $"{r.Queue}: needs [{string.Join(", ", r.Needs)}] signals [{string.Join(", ", r.Signals.Select(RoutingTable.SignalName))}]";
        var theirs = a.Rules.Select(Rule).ToList();
        var ours = b.Rules.Select(Rule).ToList();
        if (!theirs.SequenceEqual(ours, StringComparer.Ordinal))
        {
            errors.Add(at, $"the routing `rules` differ from {source}/{ContentFiles.Routing} ({string.Join("; ", theirs)}): routing must be the same in every language, so copy them unchanged.");
        }

        if (a.Priority != b.Priority)
        {
            errors.Add(ListStart(translation, ContentFiles.Routing, "priority"), $"`priority` differs from {source}/{ContentFiles.Routing}: copy it unchanged.");
        }
    }

    /// <summary>The same ids both ways; for each id in both, <paramref name="compare"/> says what differs (null: nothing).</summary>
    private static void Same<T>(
        IEnumerable<T> original, IEnumerable<T> translated, Func<T, string> id, Func<T, SourceLocation> at, string what,
        ContentCatalog translation, string file, string listKey, string source, ContentErrors errors, Func<T, T, string?>? compare,
        SourceLocation? missingAt = null)
    {
        var theirs = original.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ours = translated.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (key, item) in theirs.Where(t => !ours.ContainsKey(t.Key)))
        {
            errors.Add(missingAt ?? ListStart(translation, file, listKey),
                $"{what} `{key}` is missing: {source}/{file} has it (line {at(item).Line}), and every language needs the same ids.");
        }

        foreach (var (key, item) in ours)
        {
            if (!theirs.TryGetValue(key, out var english))
            {
                errors.Add(at(item), $"{what} `{key}` is not in {source}/{file}: ids must be the same in every language (add it there first, or remove it here).");
            }
            else if (compare?.Invoke(english, item) is { } difference)
            {
                errors.Add(at(item), $"{what} `{key}` has {difference}: only the words are translated, the ids and tags stay as in {source}/{file}.");
            }
        }
    }

    private static string? Differ(string what, IEnumerable<string> original, IEnumerable<string> translated)
    {
        var a = original.Order(StringComparer.Ordinal).ToList();
        var b = translated.Order(StringComparer.Ordinal).ToList();
        return a.SequenceEqual(b, StringComparer.Ordinal) ? null : $"{what} [{string.Join(", ", b)}], but [{string.Join(", ", a)}] in the default language";
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string List(List<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"{{{n}}}"));

    /// <summary>The first message of the missing key's group in the translation (`errors.` for `errors.turnFailed`), else `messages:`.</summary>
    private static SourceLocation WhereMessageBelongs(ContentCatalog c, string key)
    {
        for (var group = key; group.LastIndexOf('.') is var dot and > 0;)
        {
            group = group[..dot];
            var sibling = c.Messages.All.FirstOrDefault(m => m.Key.StartsWith(group + ".", StringComparison.Ordinal) && !m.Key.StartsWith("staff.", StringComparison.Ordinal));
            if (sibling is not null)
            {
                return sibling.Location;
            }
        }

        return ListStart(c, ContentFiles.Messages, "messages");
    }

    private static SourceLocation ListStart(ContentCatalog c, string file, string key)
    {
        var path = Path.Combine(c.Folder, file);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var index = Array.FindIndex(lines, line => line.StartsWith(key + ":", StringComparison.Ordinal));
        return new SourceLocation(path, index + 1 > 0 ? index + 1 : 1);
    }
}
