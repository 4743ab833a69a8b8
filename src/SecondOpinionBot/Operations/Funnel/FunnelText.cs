using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>The funnel as plain text, for the report command.</summary>
public static class FunnelText
{
    public static string Render(FunnelReport report)
    {
        var text = new StringBuilder();
        var days = (int)Math.Round((report.To - report.From).TotalDays);
        text.AppendLine(CultureInfo.InvariantCulture, $"Journey funnel, last {days} days ({report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} UTC)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Journeys started: {report.Started}; cases sent: {report.Sent} ({Share(report.Sent, report.Started)})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Step",-12} {"Reached",8} {"Share",6}  Median time in step");
        foreach (var step in report.Steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{step.Step,-12} {step.Reached,8} {Share(step.Reached, report.Started),6}  {FunnelReader.Duration(step.MedianTime)}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Where the others stopped ({report.Stops.Sum(s => s.Journeys)})");
        foreach (var stop in report.Stops)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  at {stop.Step,-12} {stop.Outcome,-12} {stop.Journeys,5}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cases created ({report.Cases.Sum(c => c.Cases)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"Queue",-18} {"Priority",-8} {"Status",-11} {"Outcome",-16} {"Cases",5}");
        foreach (var row in report.Cases)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Queue,-18} {row.Priority,-8} {row.Status,-11} {(row.Outcome.Length == 0 ? "–" : row.Outcome),-16} {row.Cases,5}");
        }

        text.AppendLine();
        text.AppendLine("Time to claim");
        foreach (var claim in report.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {claim.Priority,-8} {claim.Claimed} of {claim.Cases} claimed; median {FunnelReader.Duration(claim.Median)}, 90th percentile {FunnelReader.Duration(claim.P90)}; " +
                $"within the {FunnelReader.Duration(claim.Target)} target: {claim.ClaimedWithinTarget}; still waiting past it: {claim.WaitingPastTarget}");
        }

        return text.ToString();
    }

    internal static string Share(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
