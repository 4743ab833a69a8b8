using System.Globalization;
using System.Net;
using System.Text;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>The funnel as a page: a bar chart of how many journeys reached each step (inline SVG), then the tables.</summary>
public static class FunnelPage
{
    private const int BarWidth = 420;
    private const int RowHeight = 26;
    private const int LabelWidth = 110;

    public static string Render(FunnelReport report)
    {
        var days = (int)Math.Round((report.To - report.From).TotalDays);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>SecondOpinionBot: journey funnel</title>
            <style>
              body {"{"} font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 60rem; {"}"}
              table {"{"} border-collapse: collapse; margin: 0.5rem 0 1.5rem; {"}"}
              th, td {"{"} border-bottom: 1px solid #ccc; padding: 0.3rem 0.8rem; text-align: left; {"}"}
              td.n {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
              .bar {"{"} fill: #0b5cad; {"}"} .bar.sent {"{"} fill: #1a7f37; {"}"} svg text {"{"} font-size: 13px; fill: #1b1b1b; {"}"}
            </style></head><body>
            <h1>Journey funnel, last {days} days</h1>
            <p>{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} UTC. Journeys started: <strong>{report.Started}</strong>; cases sent:
            <strong>{report.Sent}</strong> ({FunnelText.Share(report.Sent, report.Started)}). Counts and times only: no patient data is kept for this page.
            <a href="?days=7">7 days</a> · <a href="?days=30">30 days</a> · <a href="?days=90">90 days</a></p>
            <h2>How far journeys got</h2>
            """);
        html.Append(Chart(report));
        html.Append("<table><thead><tr><th>Step</th><th>Reached</th><th>Share</th><th>Median time in step</th></tr></thead><tbody>");
        foreach (var step in report.Steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(step.Step)}</td><td class=\"n\">{step.Reached}</td><td class=\"n\">{FunnelText.Share(step.Reached, report.Started)}</td><td>{E(FunnelReader.Duration(step.MedianTime))}</td></tr>");
        }

        html.Append("</tbody></table><h2>Where the others stopped</h2><table><thead><tr><th>Last step</th><th>How it ended</th><th>Journeys</th></tr></thead><tbody>");
        foreach (var stop in report.Stops)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(stop.Step)}</td><td>{E(stop.Outcome)}</td><td class=\"n\">{stop.Journeys}</td></tr>");
        }

        html.Append("</tbody></table><h2>Cases</h2><table><thead><tr><th>Queue</th><th>Priority</th><th>Status</th><th>Outcome</th><th>Cases</th></tr></thead><tbody>");
        foreach (var row in report.Cases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Queue)}</td><td>{E(row.Priority)}</td><td>{E(row.Status)}</td><td>{E(row.Outcome.Length == 0 ? "–" : row.Outcome)}</td><td class=\"n\">{row.Cases}</td></tr>");
        }

        html.Append("</tbody></table><h2>Time to claim</h2><table><thead><tr><th>Priority</th><th>Claimed</th><th>Median</th><th>90th percentile</th><th>Target</th><th>Within target</th><th>Waiting past target</th></tr></thead><tbody>");
        foreach (var claim in report.Claims)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(claim.Priority)}</td><td class=\"n\">{claim.Claimed} of {claim.Cases}</td><td>{E(FunnelReader.Duration(claim.Median))}</td><td>{E(FunnelReader.Duration(claim.P90))}</td><td>{E(FunnelReader.Duration(claim.Target))}</td><td class=\"n\">{claim.ClaimedWithinTarget}</td><td class=\"n\">{claim.WaitingPastTarget}</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    /// <summary>One horizontal bar per step, as wide as its share of the journeys started; the numbers are on the bars.</summary>
    private static string Chart(FunnelReport report)
    {
        var height = (report.Steps.Count * RowHeight) + 10;
        var width = LabelWidth + BarWidth + 60;
        var max = Math.Max(1, report.Started);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"funnel-title\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"funnel-title\">Journeys reaching each step: {E(string.Join(", ", report.Steps.Select(s => $"{s.Step} {s.Reached}")))}</title>");
        for (var i = 0; i < report.Steps.Count; i++)
        {
            var step = report.Steps[i];
            var y = 5 + (i * RowHeight);
            var barWidth = (int)Math.Round(BarWidth * Math.Min(1.0, (double)step.Reached / max));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\">{E(step.Step)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar{(step.Step == JourneySteps.Sent ? " sent" : "")}\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(barWidth, 1)}\" height=\"{RowHeight - 8}\"><title>{E(step.Step)}: {step.Reached}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(barWidth, 1) + 6}\" y=\"{y + 16}\">{step.Reached}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
