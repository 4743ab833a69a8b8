using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Privacy;

/// <summary>Renders what is stored as a short plain-language list (no internal ids, no stored values).</summary>
public static class StoredDataText
{
    public static string Render(IReadOnlyList<StoredDataItem> items, StoredDataWording wording)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(wording);
        if (items.Count == 0)
        {
            return wording.Nothing;
        }

        var culture = CultureInfo.GetCultureInfo(wording.Culture);
        var builder = new StringBuilder(wording.Intro).Append('\n');
        foreach (var item in items)
        {
            var template = wording.Lines.TryGetValue(item.Category, out var line) ? line : item.Category.ToString();
            var fields = item.Fields is { Count: > 0 }
                ? string.Join(", ", item.Fields.Select(f => wording.FieldNames.TryGetValue(f, out var name) ? name : f))
                : wording.NoFields;
            builder.Append("\n- ").Append(template
                .Replace("{count}", item.Count.ToString(culture), StringComparison.Ordinal)
                .Replace("{fields}", fields, StringComparison.Ordinal)
                .Replace("{reference}", item.Reference ?? "", StringComparison.Ordinal)
                .Replace("{until}", item.Until?.ToString(wording.DateFormat, culture) ?? "", StringComparison.Ordinal));
        }

        return builder.Append("\n\n").Append(wording.Outro).ToString();
    }
}
