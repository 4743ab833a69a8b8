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
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1rem;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
        h1{font-size:1.8rem;margin-bottom:.25rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
        .facts{margin:0}.facts dt{font-weight:bold;float:left;clear:left;margin-right:.5rem}.facts dd{margin:0 0 .3rem 0}
        ul.checklist{list-style:none;padding-left:0}ul.checklist li{margin:.5rem 0;padding-left:2rem;text-indent:-2rem}
        .box{display:inline-block;width:1.2rem;height:1.2rem;border:2px solid #333;margin-right:.8rem;vertical-align:middle;text-align:center;line-height:1.1rem;text-indent:0}
        .source{display:block;color:#444;font-size:.95rem}.note{color:#444;font-size:.95rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:.8rem}
        @media print{body{margin:0;font-size:12pt}h2{break-after:avoid}li{break-inside:avoid}}
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
        html.Append("<h1>").Append(E(sheet.Title)).Append("</h1>\n<p>").Append(E(sheet.Intro)).Append("</p>\n");
        Facts(html, sheet.Header);

        html.Append("<h2>").Append(E(sheet.ReasonsHeading)).Append("</h2>\n");
        List(html, "ul", sheet.Reasons.Select(r =>
            "<strong>" + E(r.Title) + "</strong>" + (r.Explanation is null ? "" : " – " + E(r.Explanation))), sheet.NothingYet);

        html.Append("<h2>").Append(E(sheet.QuestionsHeading)).Append("</h2>\n");
        List(html, "ol", sheet.Questions.Select(E), sheet.NothingYet);

        html.Append("<h2>").Append(E(sheet.RecordsHeading)).Append("</h2>\n");
        List(html, "ul class=\"checklist\"", sheet.Records.Select(r =>
            $"<span class=\"box\" aria-hidden=\"true\">{(r.Ready ? "✓" : "")}</span><strong>{E(r.Title)}</strong>: {E(r.Status)}" +
            (r.Source is null ? "" : $"<span class=\"source\">{E(r.SourceLabel ?? "")} {E(r.Source)}</span>")), sheet.NothingYet);

        if (sheet.KeyDates.Count > 0)
        {
            html.Append("<h2>").Append(E(sheet.DatesHeading)).Append("</h2>\n");
            Facts(html, sheet.KeyDates);
        }

        html.Append("<p class=\"note\">").Append(E(sheet.Footer)).Append("</p>\n");
        return End(html);
    }

    public static string RenderNotFound(string title, string message)
    {
        var html = Start("en", title);
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
            html.Append("<dt>").Append(E(fact.Label)).Append("</dt><dd>").Append(E(fact.Value)).Append("</dd>\n");
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
