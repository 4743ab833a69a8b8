using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// The printable HTML page: no scripts, no external resources, one inline stylesheet allowed by its hash in the
/// Content-Security-Policy, and every stored word HTML-encoded.
/// </summary>
public static class PrepSheetPage
{
    // Screen: one readable column. Print: A4/Letter margins, answer lines to write on, each letter on its own page.
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1rem;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
        h1{font-size:1.8rem;margin-bottom:.25rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}h3{font-size:1.2rem}
        .sheet-header{border:2px solid #1b1b1b;border-radius:.4rem;padding:.5rem 1rem 1rem}
        .facts{margin:0;display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem .8rem}.facts dt{font-weight:bold}.facts dd{margin:0;overflow-wrap:anywhere}
        ol.questions>li{margin:.6rem 0 1.2rem}.answer-lines{display:block}.answer-lines span{display:block;height:1.9rem;border-bottom:1px solid #555}
        ul.checklist{list-style:none;padding-left:0}ul.checklist li{margin:.5rem 0;padding-left:2rem;text-indent:-2rem}
        .box{display:inline-block;width:1.2rem;height:1.2rem;border:2px solid #333;margin-right:.8rem;vertical-align:middle;text-align:center;line-height:1.1rem;text-indent:0}
        .source{display:block;color:#444;font-size:.95rem}.note{color:#444;font-size:.95rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:.8rem}
        .blank{display:inline-block;min-width:12rem;border-bottom:1px solid #555;height:1.3rem;vertical-align:bottom}.blank.wide{display:block;width:100%;height:1.9rem}
        .letter{border:1px solid #999;padding:1rem;margin-top:1.5rem}.letter p{margin:.6rem 0}
        @media print{@page{margin:18mm}body{margin:0;max-width:none;font-size:12pt;line-height:1.4}h2,h3{break-after:avoid}li,.facts{break-inside:avoid}.sheet-header{border-width:1pt}.letter{break-before:page;border:none;padding:0;margin:0}.note{color:#000}}
        """;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Allows nothing but the one stylesheet above; the page cannot be framed, submit forms or load anything.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(PrepSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var html = Start(sheet.Language, sheet.Title);
        html.Append("<header class=\"sheet-header\">\n<h1>").Append(E(sheet.Title)).Append("</h1>\n<p>").Append(E(sheet.Intro)).Append("</p>\n");
        Facts(html, sheet.Header);
        html.Append("</header>\n");

        html.Append("<h2>").Append(E(sheet.ReasonsHeading)).Append("</h2>\n");
        List(html, "ul", sheet.Reasons.Select(r =>
            "<strong>" + E(r.Title) + "</strong>" + (r.Explanation is null ? "" : " – " + E(r.Explanation))), sheet.NothingYet);

        // Lines under each question to write the doctor's answer on; a screen reader has nothing to read there.
        html.Append("<h2>").Append(E(sheet.QuestionsHeading)).Append("</h2>\n");
        List(html, "ol class=\"questions\"", sheet.Questions.Select(q =>
            E(q) + "<span class=\"answer-lines\" aria-hidden=\"true\"><span></span><span></span><span></span></span>"), sheet.NothingYet);

        html.Append("<h2>").Append(E(sheet.RecordsHeading)).Append("</h2>\n");
        List(html, "ul class=\"checklist\"", sheet.Records.Select(r =>
            $"<span class=\"box\" aria-hidden=\"true\">{(r.Ready ? "✓" : "")}</span><strong>{E(r.Title)}</strong>: {E(r.Status)}" +
            (r.Source is null ? "" : $"<span class=\"source\">{E(r.SourceLabel ?? "")} {E(r.Source)}</span>")), sheet.NothingYet);

        if (sheet.KeyDates.Count > 0)
        {
            html.Append("<h2>").Append(E(sheet.DatesHeading)).Append("</h2>\n");
            Facts(html, sheet.KeyDates);
        }

        if (sheet.Letters is { } letters)
        {
            Letters(html, letters);
        }

        html.Append("<p class=\"note\">").Append(E(sheet.Footer)).Append("</p>\n");
        return End(html);
    }

    private static void Letters(StringBuilder html, PrepSheetLetters letters)
    {
        html.Append("<section aria-labelledby=\"letters\">\n<h2 id=\"letters\">").Append(E(letters.Heading)).Append("</h2>\n");
        if (letters.Letters.Count > 0)
        {
            html.Append("<p>").Append(E(letters.Intro)).Append("</p>\n");
        }

        if (letters.NotByLetterNote is { } note)
        {
            html.Append("<p>").Append(E(note)).Append("</p>\n");
        }

        var w = letters.Wording;
        for (var i = 0; i < letters.Letters.Count; i++)
        {
            var letter = letters.Letters[i];
            html.Append("<article class=\"letter\" aria-labelledby=\"letter-").Append(i + 1).Append("\">\n")
                .Append("<h3 id=\"letter-").Append(i + 1).Append("\">").Append(E(w.Title)).Append("</h3>\n");
            Line(html, w.Date, null);
            Line(html, w.To, letter.To);
            Line(html, w.At, letter.At);
            html.Append("<p>").Append(E(w.Greeting)).Append("</p>\n<p>").Append(E(w.Ask)).Append("</p>\n<ul>\n");
            foreach (var ask in letter.Asks)
            {
                html.Append("<li>").Append(E(ask)).Append("</li>\n");
            }

            html.Append("</ul>\n");
            Line(html, w.SendTo, null, wide: true);
            Line(html, w.OrSendTo, null, wide: true);
            html.Append("<p>").Append(E(w.Electronic)).Append("</p>\n");
            Line(html, w.PatientName, letter.PatientFirstName, keepBlank: true);
            Line(html, w.BirthDate, null);
            Line(html, w.Phone, null);
            Line(html, w.Signature, null);
            Line(html, w.SignedFor, null, wide: true);
            html.Append("<p>").Append(E(w.Thanks)).Append("</p>\n</article>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A label and what the bot knows, or a line to write on (<paramref name="keepBlank"/>: both).</summary>
    private static void Line(StringBuilder html, string label, string? known, bool wide = false, bool keepBlank = false)
    {
        html.Append("<p>").Append(E(label)).Append(' ');
        if (known is not null)
        {
            html.Append("<strong>").Append(E(known)).Append("</strong> ");
        }

        if (known is null || keepBlank)
        {
            html.Append(wide ? "<span class=\"blank wide\"></span>" : "<span class=\"blank\"></span>");
        }

        html.Append("</p>\n");
    }

    /// <param name="language">The BCP 47 tag of the words, for the page's <c>lang</c>.</param>
    public static string RenderNotFound(string language, string title, string message)
    {
        var html = Start(language, title);
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(message)).Append("</p>\n");
        return End(html);
    }

    private static StringBuilder Start(string language, string title) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"").Append(E(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

    private static string End(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    private static void Facts(StringBuilder html, IReadOnlyList<PrepSheetFact> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        html.Append("<dl class=\"facts\">\n");
        foreach (var fact in facts)
        {
            html.Append("<dt>").Append(E(fact.Label)).Append("</dt><dd>")
                .Append(fact.Value.Length == 0 ? "<span class=\"blank\"></span>" : E(fact.Value)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
    }

    private static void List(StringBuilder html, string tag, IEnumerable<string> itemsHtml, string nothing)
    {
        var items = itemsHtml.ToArray();
        if (items.Length == 0)
        {
            html.Append("<p>").Append(E(nothing)).Append("</p>\n");
            return;
        }

        html.Append('<').Append(tag).Append(">\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(item).Append("</li>\n");
        }

        html.Append("</").Append(tag.Split(' ')[0]).Append(">\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}
