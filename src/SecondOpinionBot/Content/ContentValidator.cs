namespace SecondOpinionBot.Content;

/// <summary>Checks across files: duplicate ids, references to unknown ids, and what the code relies on.</summary>
internal static class ContentValidator
{
    public static void Validate(ContentCatalog c, IEnumerable<IContentCheck> featureChecks, ContentErrors errors)
    {
        Unique(c.Reasons, r => r.Id, r => r.Location, "reason", errors);
        Unique(c.Situations, s => s.Id, s => s.Location, "situation", errors);
        Unique(c.Questions, q => q.Id, q => q.Location, "question", errors);
        Unique(c.Records, r => r.Id, r => r.Location, "record", errors);
        Unique(c.Needs, n => n.Id, n => n.Location, "need", errors);
        Unique(c.ChoiceSets, s => s.Id, s => s.Location, "choice set", errors);
        Unique(c.Glossary, g => g.Term, g => g.Location, "glossary term", errors);
        Unique(c.Faq, f => f.Id, f => f.Location, "faq entry", errors);
        Unique(c.Routing.Queues, q => q.Id, q => q.Location, "queue", errors);
        Unique(c.Messages.All, m => m.Key, m => m.Location, "message", errors);
        foreach (var set in c.ChoiceSets)
        {
            Unique(set.Choices, ch => ch.Id, ch => ch.Location, $"choice in set `{set.Id}`", errors);
        }

        var reasons = c.Reasons.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var situations = c.Situations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var needs = c.Needs.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var queues = c.Routing.Queues.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var reason in c.Reasons)
        {
            if (reason.SoundsLikeYou.Count is < 1 or > 2)
            {
                errors.Add(reason.Location, $"reason `{reason.Id}` should have one or two `soundsLikeYou` questions.");
            }

            foreach (var signal in reason.SuggestWhen)
            {
                Known(situations, signal.Situation, signal.Location, $"reason `{reason.Id}` names", "situation", errors);
            }
        }

        foreach (var question in c.Questions)
        {
            KnownAll(reasons, question.Reasons, question.Location, $"question `{question.Id}` names", "reason", errors);
            KnownAll(situations, question.Situations, question.Location, $"question `{question.Id}` names", "situation", errors);
        }

        foreach (var record in c.Records)
        {
            KnownAll(reasons, record.Reasons, record.Location, $"record `{record.Id}` names", "reason", errors);
            KnownAll(situations, record.Situations, record.Location, $"record `{record.Id}` names", "situation", errors);
            if (record.AfterHelp && (record.Always || record.Reasons.Count > 0 || record.Situations.Count > 0))
            {
                errors.Add(record.Location, $"record `{record.Id}` has `afterHelp: true`, so it is never asked: remove `always`, `reasons` and `situations`.");
            }
            else if (!record.AfterHelp && !record.Always && record.Reasons.Count == 0 && record.Situations.Count == 0)
            {
                errors.Add(record.Location, $"record `{record.Id}` is never asked: give it `always: true`, `reasons` or `situations`.");
            }
        }

        ValidateLetters(c, errors);

        foreach (var choice in c.ChoiceSets.SelectMany(s => s.Choices))
        {
            KnownAll(situations, choice.Situations, choice.Location, $"choice `{choice.Id}` names", "situation", errors);
        }

        foreach (var id in SituationIds.Required)
        {
            if (!situations.Contains(id))
            {
                errors.Add(ListStart(c, ContentFiles.Situations, "situations"), $"situation `{id}` is missing: the code relies on it, so it must stay in the list.");
            }
        }

        foreach (var id in NeedIds.Required.Where(id => !c.Needs.Any(n => n.Id == id)))
        {
            errors.Add(FileOf(c, ContentFiles.Needs), 0, $"need `{id}` is missing: the code relies on it, so it must stay in the list.");
        }

        CheckWords(c, errors);

        CheckNeeds(c, errors);
        CheckChoiceSets(c, errors);
        CheckRouting(c, needs, queues, errors);
        CheckRequiredQueues(c, queues, errors);
        CheckMessages(c, errors);
        foreach (var problem in featureChecks.SelectMany(check => check.Check(c)))
        {
            errors.Add(problem.File, problem.Line, problem.Message);
        }
    }

    /// <summary>A phrase listed twice is ambiguous; a choice synonym that is also a command can never be picked.</summary>
    private static void CheckWords(ContentCatalog c, ContentErrors errors)
    {
        var words = FileOf(c, ContentFiles.Words);
        var commandLists = new (string Name, IReadOnlyList<string> Phrases)[]
        {
            ("help", c.Commands.Help), ("cancel", c.Commands.Cancel), ("startOver", c.Commands.StartOver),
            ("talkToPerson", c.Commands.TalkToPerson), ("status", c.Commands.Status),
            ("deleteMyData", c.Commands.DeleteMyData), ("whatDoYouKnow", c.Commands.WhatDoYouKnow),
            ("terms", c.Commands.Terms), ("privacy", c.Commands.Privacy), ("back", c.Commands.Back),
        };
        var commands = NoPhraseTwice(commandLists, "command", words, c.Normalizer, errors);
        NoPhraseTwice(c.Answers.ByAnswer.Select(a => (a.Answer.ToString(), a.Phrases)), "answer", words, c.Normalizer, errors);

        foreach (var set in c.ChoiceSets)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var choice in set.Choices)
            {
                foreach (var synonym in choice.Synonyms.Append(choice.Label).Select(p => PhraseText.Words(p, c.Normalizer)).Distinct())
                {
                    if (seen.TryGetValue(synonym, out var other) && other != choice.Id)
                    {
                        errors.Add(choice.Location, $"\"{synonym}\" is listed for both `{other}` and `{choice.Id}` in choice set `{set.Id}`.");
                    }

                    seen.TryAdd(synonym, choice.Id);
                }

                foreach (var synonym in choice.Synonyms.Where(s => commands.ContainsKey(PhraseText.Words(s, c.Normalizer))))
                {
                    errors.Add(choice.Location, $"synonym \"{synonym}\" of `{set.Id}/{choice.Id}` is also the `{commands[PhraseText.Words(synonym, c.Normalizer)]}` command in words.yaml, so it can never pick this choice.");
                }
            }
        }
    }

    private static Dictionary<string, string> NoPhraseTwice(IEnumerable<(string Name, IReadOnlyList<string> Phrases)> lists, string what, string file, Dialogs.Language.TextNormalizer normalizer, ContentErrors errors)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, phrases) in lists)
        {
            foreach (var phrase in phrases.Select(p => PhraseText.Words(p, normalizer)).Where(p => p.Length > 0))
            {
                if (owner.TryGetValue(phrase, out var first) && first != name)
                {
                    errors.Add(file, 0, $"\"{phrase}\" is listed under both `{first}` and `{name}` {what}s.");
                }

                owner.TryAdd(phrase, name);
            }
        }

        return owner;
    }

    private static void CheckNeeds(ContentCatalog c, ContentErrors errors)
    {
        var noneCount = c.Needs.Count(n => n.IsNone);
        if (noneCount != 1)
        {
            errors.Add(FileOf(c, ContentFiles.Needs), 0, $"exactly one need must have `none: true` (found {noneCount}).");
        }
    }

    private static void CheckChoiceSets(ContentCatalog c, ContentErrors errors)
    {
        foreach (var (setId, choiceIds) in ChoiceSetIds.Required)
        {
            var set = c.ChoiceSets.FirstOrDefault(s => s.Id == setId);
            if (set is null)
            {
                errors.Add(ListStart(c, ContentFiles.Choices, "choiceSets"), $"choice set `{setId}` is used by the code and must exist.");
                continue;
            }

            foreach (var choiceId in choiceIds.Where(id => set.Choices.All(ch => ch.Id != id)))
            {
                errors.Add(set.Location, $"choice set `{setId}` must keep the choice `{choiceId}` (the code relies on it).");
            }
        }

        foreach (var (setId, tags) in ChoiceSetIds.RequiredTags)
        {
            var set = c.ChoiceSets.FirstOrDefault(s => s.Id == setId);
            foreach (var tag in tags.Where(tag => set is not null && !set.Choices.Any(ch => ch.Situations.Contains(tag))))
            {
                errors.Add(set!.Location, $"choice set `{setId}` needs a choice with `situations: [{tag}]` (the code relies on it).");
            }
        }
    }

    private static void CheckRequiredQueues(ContentCatalog c, HashSet<string> queues, ContentErrors errors)
    {
        foreach (var id in QueueIds.Required.Where(id => !queues.Contains(id)))
        {
            errors.Add(ListStart(c, ContentFiles.Routing, "queues"), $"queue `{id}` is missing: staff bind it with \"set queue {id}\", so it must stay in the list.");
        }
    }

    /// <summary>
    /// Where a missing entry belongs: the line of the top-level <paramref name="key"/> in the file (the parsed model
    /// keeps lines of entries, not of the lists that hold them), else line 1.
    /// </summary>
    private static SourceLocation ListStart(ContentCatalog c, string file, string key)
    {
        var path = FileOf(c, file);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var index = Array.FindIndex(lines, line => line.StartsWith(key + ":", StringComparison.Ordinal));
        return new SourceLocation(path, index + 1 > 0 ? index + 1 : 1);
    }

    private static void CheckRouting(ContentCatalog c, HashSet<string> needs, HashSet<string> queues, ContentErrors errors)
    {
        var routing = c.Routing;
        Known(queues, routing.DefaultQueue, new SourceLocation(FileOf(c, ContentFiles.Routing), 0), "`defaultQueue` names", "queue", errors);
        var routed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in routing.Rules)
        {
            Known(queues, rule.Queue, rule.Location, "a routing rule names", "queue", errors);
            KnownAll(needs, rule.Needs, rule.Location, "a routing rule names", "need", errors);
            routed.UnionWith(rule.Needs);
        }

        foreach (var need in c.Needs.Where(n => !n.IsNone && !routed.Contains(n.Id)))
        {
            errors.Add(need.Location, $"need `{need.Id}` is not sent to any queue: add it to a rule in routing.yaml.");
        }

        foreach (var need in c.Needs.Where(n => n.IsNone && routed.Contains(n.Id)))
        {
            errors.Add(need.Location, $"need `{need.Id}` means \"none\" and cannot be routed.");
        }

        if (routing.Priority.UrgentWithinDays < 0)
        {
            errors.Add(FileOf(c, ContentFiles.Routing), 0, "`urgentWithinDays` cannot be negative.");
        }
    }

    private static void CheckMessages(ContentCatalog c, ContentErrors errors)
    {
        var messages = c.Messages.All.ToDictionary(m => m.Key, StringComparer.Ordinal);
        foreach (var key in MessageKeys.All.Concat(StaffMessageKeys.All))
        {
            if (!messages.TryGetValue(key.Name, out var message))
            {
                errors.Add(WhereMessageBelongs(c, key.Name), $"message `{key.Name}` is used by the code and is missing.");
                continue;
            }

            foreach (var name in MessageCatalog.PlaceholdersIn(message.Text).Where(n => !key.Placeholders.Contains(n)))
            {
                var allowed = key.Placeholders.Count == 0 ? "none" : string.Join(", ", key.Placeholders.Select(p => $"{{{p}}}"));
                errors.Add(message.Location, $"message `{key.Name}` uses {{{name}}}, which the bot does not fill in. Allowed: {allowed}.");
            }
        }
    }

    /// <summary>The first message of the missing key's group (`errors.` for `errors.turnFailed`), else `messages:`.</summary>
    private static SourceLocation WhereMessageBelongs(ContentCatalog c, string key)
    {
        for (var group = key; group.LastIndexOf('.') is var dot and > 0;)
        {
            group = group[..dot];
            var sibling = c.Messages.All.FirstOrDefault(m => m.Key.StartsWith(group + ".", StringComparison.Ordinal));
            if (sibling is not null)
            {
                return sibling.Location;
            }
        }

        return ListStart(c, ContentFiles.Messages, "messages");
    }

    private static void Unique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, SourceLocation> at, string what, ContentErrors errors)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (key.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(at(item), $"duplicate {what} id `{key}` (first defined at line {first.Line}).");
            }
            else
            {
                seen[key] = at(item);
            }
        }
    }

    /// <summary>letters.yaml: every record it names exists, and each is asked for from one office at most.</summary>
    private static void ValidateLetters(ContentCatalog c, ContentErrors errors)
    {
        var letters = c.Letters;
        var records = c.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Unique(letters.Offices, o => o.Id, o => o.Location, "office", errors);
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var office in letters.Offices)
        {
            foreach (var (record, _) in office.Asks)
            {
                Known(records, record, office.Location, $"office `{office.Id}` names", "record", errors);
                if (!placed.TryAdd(record, office.Id))
                {
                    errors.Add(office.Location, $"record `{record}` is asked for from both `{placed[record]}` and `{office.Id}`: one letter per record.");
                }
            }
        }

        foreach (var record in letters.NotByLetter)
        {
            Known(records, record, letters.Location, "`notByLetter` names", "record", errors);
            if (placed.TryGetValue(record, out var office))
            {
                errors.Add(letters.Location, $"record `{record}` is in `notByLetter` and in office `{office}`: choose one.");
            }
        }

        if (letters.ReviewedOn is { } day && day > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))
        {
            errors.Add(letters.Location, $"`reviewedOn` ({day:yyyy-MM-dd}) is in the future: write the date the letter was approved.");
        }
    }

    private static void KnownAll(HashSet<string> known, IEnumerable<string> ids, SourceLocation at, string who, string what, ContentErrors errors)
    {
        foreach (var id in ids)
        {
            Known(known, id, at, who, what, errors);
        }
    }

    private static void Known(HashSet<string> known, string id, SourceLocation at, string who, string what, ContentErrors errors)
    {
        if (id.Length > 0 && !known.Contains(id))
        {
            errors.Add(at, $"{who} an unknown {what} `{id}`. Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
    }

    private static string FileOf(ContentCatalog c, string file) => Path.Combine(c.Folder, file);
}
