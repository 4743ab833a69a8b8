using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.PrepSheets;

public sealed class PrepSheetContentTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private const string AnswerLines = "<span class=\"answer-lines\" aria-hidden=\"true\"><span></span><span></span><span></span></span>";

    private static PrepSheet Sheet(IntakeDraft? draft = null) =>
        PrepSheetBuilder.Build((draft ?? EnglishWording.SentinelDraft()).ToCaseDetails(), "SO-7K3F", Sent, EnglishWording.PrepSheet, EnglishWording.Catalog);

    [Fact]
    public void The_page_lists_reasons_with_explanations_numbered_questions_records_dates_and_reference()
    {
        var html = PrepSheetPage.Render(Sheet());

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Case reference</dt><dd>SO-7K3F</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Diagnostic clarity</strong> – Check that the diagnosis fits your tests and history.</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<ol class=\"questions\">\n<li>{Sentinels.Question}?{AnswerLines}</li>\n<li>What happens if we wait?{AnswerLines}</li>\n</ol>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"box\" aria-hidden=\"true\">✓</span><strong>Scan images and reports</strong>: you have it<span class=\"source\">Usually from: the imaging department that did the scan</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"box\" aria-hidden=\"true\"></span><strong>Pathology report</strong>: you asked for help", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Planned test or treatment</dt><dd>Monday, December 14, 2026</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Case sent to the care team</dt><dd>Monday, November 2, 2026</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void User_text_is_html_encoded_on_the_page()
    {
        var draft = EnglishWording.SentinelDraft();
        draft.Questions = ["<script>alert(1)</script> & \"quotes\" <a href=x>link</a>"];

        var html = PrepSheetPage.Render(Sheet(draft));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;a href=x&gt;link&lt;/a&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_allows_no_scripts_and_only_the_pages_own_stylesheet()
    {
        var policy = PrepSheetPage.ContentSecurityPolicy;

        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_has_the_same_content_with_user_text_made_inert()
    {
        var draft = EnglishWording.SentinelDraft();
        draft.Questions.Add("see [this](https://evil.example)");

        var text = PrepSheetText.Render(draft.ToCaseDetails(), "SO-7K3F", Sent, EnglishWording.PrepSheet, EnglishWording.Catalog);

        Assert.StartsWith("Getting ready for your second opinion\n\nBring this page to your appointment.\n\nCase reference: SO-7K3F", text, StringComparison.Ordinal);
        Assert.Contains("\n- Diagnostic clarity: Check that the diagnosis fits your tests and history.", text, StringComparison.Ordinal);
        Assert.Contains($"Questions to ask\n1. {Sentinels.Question}?\n2. What happens if we wait?\n3. see \\[this\\](https\\://evil.example)", text, StringComparison.Ordinal);
        Assert.Contains("\n- Pathology report: you asked for help (Usually from: the hospital laboratory)", text, StringComparison.Ordinal);
        Assert.Contains("\n\nPlanned test or treatment: Monday, December 14, 2026", text, StringComparison.Ordinal);
        Assert.EndsWith(EnglishWording.PrepSheet.Footer, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_draft_says_nothing_yet_instead_of_empty_sections()
    {
        var text = PrepSheetText.Render(new IntakeDraft().ToCaseDetails(), null, null, EnglishWording.PrepSheet, EnglishWording.Catalog);

        Assert.Contains("Questions to ask\nNothing yet.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Case reference", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Key dates", text, StringComparison.Ordinal);
    }
}
