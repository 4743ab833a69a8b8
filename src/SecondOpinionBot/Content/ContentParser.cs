using YamlDotNet.RepresentationModel;

namespace SecondOpinionBot.Content;

/// <summary>Turns each content file into typed records; shape errors (missing/unknown keys, wrong types) are collected.</summary>
/// <param name="isTranslation">
/// A language other than the default: every file must say who reviewed the translation (`translation:`), staff.yaml
/// is not read (staff always see the default language), and letters.yaml holds only the patient's explanation.
/// </param>
internal sealed class ContentParser(string folder, string displayFolder, ContentErrors errors, bool isTranslation = false)
{
    private readonly List<TranslationReview> _reviews = [];

    /// <summary>The `translation:` field of each file read so far (translations only).</summary>
    public IReadOnlyList<TranslationReview> TranslationReviews => _reviews;

    private YamlMap? Open(string file)
    {
        var root = YamlFileReader.Open(folder, file, Path.Combine(displayFolder, file), errors);
        if (root is not null && isTranslation)
        {
            ReadTranslationReview(root, file);
        }

        return root;
    }

    /// <summary>`translation: {reviewedBy: not yet reviewed | name and credential, reviewedOn: YYYY-MM-DD}`.</summary>
    private void ReadTranslationReview(YamlMap root, string file)
    {
        var map = root.Map("translation");
        if (map is null)
        {
            return;
        }

        var by = map.OptionalText("reviewedBy");
        var onText = map.OptionalText("reviewedOn");
        map.RejectUnknownKeys();
        DateOnly? on = null;
        if (onText.Length > 0)
        {
            if (DateOnly.TryParseExact(onText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                on = date;
            }
            else
            {
                errors.Add(map.Location, $"`reviewedOn` must be the date of the review as YYYY-MM-DD, not \"{onText}\".");
            }
        }

        var notYet = by.Length == 0 || string.Equals(by, TranslationReview.NotYetReviewed, StringComparison.OrdinalIgnoreCase);
        if (by.Length == 0)
        {
            errors.Add(map.Location, $"`translation` needs `reviewedBy`: the medical translator who checked this file, or \"{TranslationReview.NotYetReviewed}\".");
        }
        else if (notYet && onText.Length > 0)
        {
            errors.Add(map.Location, $"`reviewedOn` is set but `reviewedBy` says \"{TranslationReview.NotYetReviewed}\": write who reviewed it, or clear the date.");
        }
        else if (!notYet && onText.Length == 0)
        {
            errors.Add(map.Location, $"`translation` names a reviewer ({by}) but no `reviewedOn` date (YYYY-MM-DD).");
        }

        _reviews.Add(new TranslationReview(file, by, on, map.Location));
    }

    public IReadOnlyList<Reason> Reasons() => List(ContentFiles.Reasons, "reasons", m =>
    {
        var signals = m.MapList("suggestWhen", required: false).Select(s =>
        {
            var signal = new ReasonSignal(s.RequiredString("situation"), s.RequiredString("because"), s.Location);
            s.RejectUnknownKeys();
            return signal;
        }).ToList();
        return new Reason(
            m.RequiredString("id"),
            m.RequiredString("title"),
            m.RequiredString("summary"),
            m.RequiredString("explanation"),
            m.StringList("soundsLikeYou", required: true),
            signals,
            m.Location);
    });

    public IReadOnlyList<Situation> Situations() => List(ContentFiles.Situations, "situations", m =>
        new Situation(m.RequiredString("id"), m.RequiredString("label"), m.StringList("keywords"), m.Location));

    public IReadOnlyList<DoctorQuestion> Questions() => List(ContentFiles.Questions, "questions", m =>
        new DoctorQuestion(
            m.RequiredString("id"),
            m.RequiredString("text"),
            m.StringList("reasons", required: true),
            m.StringList("situations"),
            m.Location));

    public IReadOnlyList<RecordItem> Records() => List(ContentFiles.Records, "records", m =>
        new RecordItem(
            m.RequiredString("id"),
            m.RequiredString("item"),
            m.RequiredString("why"),
            m.RequiredString("source"),
            m.OptionalBool("always"),
            m.StringList("reasons"),
            m.StringList("situations"),
            m.Location,
            m.OptionalBool("afterHelp")));

    public IReadOnlyList<NeedCategory> Needs() => List(ContentFiles.Needs, "needs", m =>
        new NeedCategory(
            m.RequiredString("id"),
            m.RequiredString("label"),
            m.RequiredString("description"),
            m.StringList("synonyms"),
            m.OptionalBool("none"),
            m.Location));

    public IReadOnlyList<ChoiceSet> ChoiceSets() => List(ContentFiles.Choices, "choiceSets", m =>
    {
        var choices = m.MapList("choices").Select(c =>
        {
            var choice = new Choice(
                c.RequiredString("id"),
                c.RequiredString("label"),
                c.StringList("synonyms"),
                c.StringList("situations"),
                c.Location);
            c.RejectUnknownKeys();
            return choice;
        }).ToList();
        return new ChoiceSet(m.RequiredString("id"), choices, m.Location);
    });

    public IReadOnlyList<FaqEntry> Faq() => List(ContentFiles.Faq, "faq", m =>
        new FaqEntry(m.RequiredString("id"), m.StringList("asks", required: true), m.RequiredString("answer"), m.Location));

    public IReadOnlyList<GlossaryTerm> Glossary() => List(ContentFiles.Glossary, "glossary", m =>
        new GlossaryTerm(m.RequiredString("term"), m.StringList("forms", required: true), m.RequiredString("explanation"), m.Location));

    public (AnswerWords Answers, CommandWords Commands, AsideWords Asides, IReadOnlyList<KeyValuePair<string, string>> Spellings, LanguageWords? Language)? Words()
    {
        var root = Open(ContentFiles.Words);
        if (root is null)
        {
            return null;
        }

        var a = root.Map("answers");
        var c = root.Map("commands");
        var asides = new AsideWords(root.StringList("questionStarts", true), root.StringList("clinicalWords"));
        LanguageWords? language = null;
        if (root.Map("language", required: false) is { } l)
        {
            language = new LanguageWords(l.RequiredString("name"), l.StringList("choose", true));
            l.RejectUnknownKeys();
        }

        var spellings = new List<KeyValuePair<string, string>>();
        foreach (var (typed, meant) in root.Map("spellings", required: false)?.Remaining() ?? [])
        {
            if (meant is YamlScalarNode { Value: { Length: > 0 } text })
            {
                spellings.Add(new(typed, text));
            }
            else
            {
                root.Error(meant, $"spelling `{typed}` must say what it means as plain text.");
            }
        }

        root.RejectUnknownKeys();
        if (a is null || c is null)
        {
            return null;
        }

        var answers = new AnswerWords(
            a.StringList("yes", true), a.StringList("no", true), a.StringList("notSure", true),
            a.StringList("skip", true), a.StringList("done", true), a.StringList("continue", true), a.StringList("listJoiners"),
            a.StringList("anyTime"));
        a.RejectUnknownKeys();
        var commands = new CommandWords(
            c.StringList("help", true), c.StringList("cancel", true), c.StringList("startOver", true),
            c.StringList("talkToPerson", true), c.StringList("status", true), c.StringList("deleteMyData", true),
            c.StringList("whatDoYouKnow", true), c.StringList("fillers"), c.StringList("whatDoesItMean"),
            c.StringList("terms", true), c.StringList("privacy", true), c.StringList("back", true));
        c.RejectUnknownKeys();
        return (answers, commands, asides, spellings, language);
    }

    public EmergencyPhrases? Emergency()
    {
        var root = Open(ContentFiles.Emergency);
        if (root is null)
        {
            return null;
        }

        var phrases = Categories(root, "medical", selfHarm: false).Concat(Categories(root, "selfHarm", selfHarm: true)).ToList();
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var groupMap = root.Map("groups", required: false);
        foreach (var (name, node) in groupMap?.Remaining() ?? [])
        {
            groups[name] = Texts(root, node, $"group `{name}`");
        }

        var result = new EmergencyPhrases(
            phrases, groups, root.StringList("fillers"), root.StringList("negationCues"), root.StringList("listNegationCues"),
            root.StringList("notNowCues"), root.StringList("historyMarkers"), root.StringList("nowMarkers"), root.StringList("notEmergency"),
            root.StringList("accidentMarkers"), root.StringList("intentMarkers"));
        if (root.Map("grammar", required: false) is { } g)
        {
            var english = EmergencyGrammar.English;
            IReadOnlyList<string> Or(string key, IReadOnlyList<string> fallback) => g.StringList(key) is { Count: > 0 } list ? list : fallback;
            result = result with
            {
                Grammar = new EmergencyGrammar(
                    Or("clauseBreaks", english.ClauseBreaks), Or("yearIntros", english.YearIntros), Or("orJoiners", english.OrJoiners),
                    Or("listJoiners", english.ListJoiners), Or("anyWords", english.AnyWords), Or("selfHarmNegations", english.SelfHarmNegations)),
            };
            g.RejectUnknownKeys();
        }

        root.RejectUnknownKeys();
        return result;
    }

    /// <summary>A mapping of category → list of phrases.</summary>
    private static List<EmergencyPhrase> Categories(YamlMap root, string key, bool selfHarm)
    {
        var map = root.Map(key);
        var found = new List<EmergencyPhrase>();
        foreach (var (category, node) in map?.Remaining() ?? [])
        {
            found.AddRange(Texts(root, node, $"`{key}/{category}`").Select(t => new EmergencyPhrase(category, t, selfHarm)));
        }

        if (map is not null && found.Count == 0)
        {
            root.Error(map.Node, $"`{key}` needs at least one category with phrases.");
        }

        return found;
    }

    private static List<string> Texts(YamlMap root, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode sequence)
        {
            root.Error(node, $"{what} must be a list of phrases.");
            return [];
        }

        var texts = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                texts.Add(text.Trim());
            }
            else
            {
                root.Error(item, $"each item of {what} must be plain text.");
            }
        }

        return texts;
    }

    /// <summary>
    /// letters.yaml of a translation: the letters themselves stay in the default language (they go to a records office,
    /// and their approval is of that text); this file holds the patient's explanation around them.
    /// </summary>
    public RecordsLetters? TranslatedLetters(RecordsLetters letters)
    {
        var root = Open(ContentFiles.Letters);
        if (root is null)
        {
            return null;
        }

        var heading = root.RequiredString("heading");
        var intro = root.RequiredString("intro");
        var note = root.RequiredString("notByLetterNote");
        var blanks = new List<KeyValuePair<string, string>>();
        foreach (var (field, node) in root.Map("blanks", required: false)?.Remaining() ?? [])
        {
            if (!RecordsLetterWording.FieldNames.Contains(field, StringComparer.Ordinal))
            {
                root.Error(node, $"`blanks` names `{field}`, which is not a field of the letter. Known: {string.Join(", ", RecordsLetterWording.FieldNames)}.");
            }
            else if (node is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                blanks.Add(new(field, text.Trim()));
            }
            else
            {
                root.Error(node, $"`blanks/{field}` must say, as plain text, what to write in that blank.");
            }
        }

        root.RejectUnknownKeys();
        return letters with { Heading = heading, Intro = intro, NotByLetterNote = note, Blanks = blanks };
    }

    public RecordsLetters? Letters()
    {
        var root = Open(ContentFiles.Letters);
        if (root is null)
        {
            return null;
        }

        var review = root.Map("review");
        var reviewedBy = review?.OptionalText("reviewedBy") ?? "";
        var reviewedOnText = review?.OptionalText("reviewedOn") ?? "";
        DateOnly? reviewedOn = null;
        if (reviewedOnText.Length > 0)
        {
            if (DateOnly.TryParseExact(reviewedOnText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                reviewedOn = date;
            }
            else
            {
                errors.Add(review!.Location, $"`reviewedOn` must be the date of the review as YYYY-MM-DD, not \"{reviewedOnText}\".");
            }
        }

        if (review is not null && (reviewedBy.Length > 0) != (reviewedOnText.Length > 0))
        {
            errors.Add(review.Location, "`review` needs both `reviewedBy` and `reviewedOn` (who approved the letter, and when), or neither.");
        }

        review?.RejectUnknownKeys();
        var l = root.Map("letter");
        var letter = l is null ? RecordsLetterWording.Empty : new RecordsLetterWording(
            l.RequiredString("title"), l.RequiredString("date"), l.RequiredString("to"), l.RequiredString("at"),
            l.RequiredString("greeting"), l.RequiredString("ask"), l.RequiredString("sendTo"), l.RequiredString("orSendTo"),
            l.RequiredString("electronic"), l.RequiredString("patientName"), l.RequiredString("birthDate"), l.RequiredString("phone"),
            l.RequiredString("signature"), l.RequiredString("signedFor"), l.RequiredString("thanks"));
        l?.RejectUnknownKeys();
        var offices = root.MapList("offices").Select(o =>
        {
            var asks = new List<KeyValuePair<string, string>>();
            foreach (var (record, wording) in o.Map("records")?.Remaining() ?? [])
            {
                if (wording is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                {
                    asks.Add(new(record, text.Trim()));
                }
                else
                {
                    o.Error(wording, $"record `{record}` needs the letter's line asking for it, as plain text.");
                }
            }

            var office = new RecordsOffice(o.RequiredString("id"), o.RequiredString("to"), asks, o.Location);
            o.RejectUnknownKeys();
            return office;
        }).ToList();
        var n = root.Map("notByLetter");
        var notByLetter = n?.StringList("records", required: true) ?? [];
        var note = n?.RequiredString("note") ?? "";
        n?.RejectUnknownKeys();
        var letters = new RecordsLetters(
            reviewedBy, reviewedOn, root.RequiredString("heading"), root.RequiredString("intro"), letter, offices, notByLetter, note, root.Location);
        root.RejectUnknownKeys();
        return letters;
    }

    public RoutingTable? Routing()
    {
        var root = Open(ContentFiles.Routing);
        if (root is null)
        {
            return null;
        }

        var queues = root.MapList("queues").Select(q =>
        {
            var queue = new QueueDefinition(q.RequiredString("id"), q.RequiredString("patientName"), q.Location);
            q.RejectUnknownKeys();
            return queue;
        }).ToList();
        var defaultQueue = root.RequiredString("defaultQueue");
        var rules = root.MapList("rules").Select(r =>
        {
            var signals = new List<RoutingSignal>();
            foreach (var name in r.StringList("signals"))
            {
                if (RoutingTable.ParseSignal(name) is { } signal)
                {
                    signals.Add(signal);
                }
                else
                {
                    errors.Add(r.Location, $"unknown routing signal `{name}`. Known: "
                        + string.Join(", ", Enum.GetValues<RoutingSignal>().Select(RoutingTable.SignalName)) + ".");
                }
            }

            var rule = new RoutingRule(r.RequiredString("queue"), r.StringList("needs"), signals, r.Location);
            if (rule.Needs.Count == 0 && rule.Signals.Count == 0)
            {
                errors.Add(r.Location, "a rule needs at least one of `needs` or `signals`.");
            }

            r.RejectUnknownKeys();
            return rule;
        }).ToList();
        var p = root.Map("priority");
        var priority = p is null
            ? new PriorityRules(14, true, true)
            : new PriorityRules(
                p.OptionalInt("urgentWithinDays") ?? 14, p.OptionalBool("urgentAfterEmergency"), p.OptionalBool("urgentWhenSymptomsChangeFast"));
        p?.RejectUnknownKeys();
        root.RejectUnknownKeys();
        return new RoutingTable(queues, defaultQueue, rules, priority);
    }

    /// <summary>messages.yaml: nested keys flattened to dotted names (welcome: intro: → welcome.intro).</summary>
    public IReadOnlyList<ContentMessage> Messages()
    {
        var root = Open(ContentFiles.Messages);
        var messages = new List<ContentMessage>();
        var top = root?.Map("messages");
        root?.RejectUnknownKeys();
        if (top is not null)
        {
            Flatten(top, "", messages);
        }

        return messages;
    }

    /// <summary>staff.yaml: the same nesting under one `staff:` key, so every key starts with "staff.".</summary>
    public IReadOnlyList<ContentMessage> StaffMessages()
    {
        if (isTranslation)
        {
            // Staff always read the default language: a translated staff.yaml would be work nobody sees.
            var stray = Path.Combine(folder, ContentFiles.Staff);
            if (File.Exists(stray))
            {
                errors.Add(Path.Combine(displayFolder, ContentFiles.Staff), 0,
                    "staff.yaml belongs only in the default language's folder: the care team always reads it in that language. Remove this copy.");
            }

            return [];
        }

        var root = Open(ContentFiles.Staff);
        var messages = new List<ContentMessage>();
        var top = root?.Map("staff");
        root?.RejectUnknownKeys();
        if (top is not null)
        {
            Flatten(top, "staff", messages);
        }

        return messages;
    }

    private static void Flatten(YamlMap map, string prefix, List<ContentMessage> into)
    {
        foreach (var (key, value) in map.Remaining())
        {
            var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (value)
            {
                case YamlMappingNode nested:
                    Flatten(map.Nested(nested), name, into);
                    break;
                case YamlScalarNode { Value: { } text } when !string.IsNullOrWhiteSpace(text):
                    into.Add(new ContentMessage(name, text.Trim(), map.At(value)));
                    break;
                default:
                    map.Error(value, $"message `{name}` must be text (or a set of nested messages) and not empty.");
                    break;
            }
        }
    }

    private List<T> List<T>(string file, string key, Func<YamlMap, T> read)
    {
        var root = Open(file);
        if (root is null)
        {
            return [];
        }

        var items = root.MapList(key).Select(m =>
        {
            var item = read(m);
            m.RejectUnknownKeys();
            return item;
        }).ToList();
        root.RejectUnknownKeys();
        return items;
    }
}
