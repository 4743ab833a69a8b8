using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// axe-core's automated WCAG 2.1 A and AA check on what a page shows now (Deque's axe-core for Playwright .NET, which
/// carries axe-core itself: nothing is fetched at run time). Serious and critical findings fail the test, each named
/// with the element it is about.
/// </summary>
internal static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoSeriousFindingsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag21AA);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {what}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {what}");
    }
}
