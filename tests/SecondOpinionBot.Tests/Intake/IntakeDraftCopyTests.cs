using System.Collections;
using System.Reflection;
using System.Text.Json;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A turn parses the patient's draft once and gives each step a copy (IntakeDraft.Copy): the copy must hold every
/// answer and share no list with the draft, or a step's unsaved change would leak into what is stored.
/// </summary>
public sealed class IntakeDraftCopyTests
{
    private static readonly PropertyInfo[] Properties = typeof(IntakeDraft).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).ToArray();

    [Fact]
    public void A_copy_holds_every_answer_as_storing_and_reading_the_draft_back_would()
    {
        var draft = EveryAnswerGiven();

        var copy = draft.Copy();

        var readBack = JsonSerializer.Deserialize<IntakeDraft>(JsonSerializer.Serialize(draft, DialogJson.Options), DialogJson.Options);
        Assert.Equal(JsonSerializer.Serialize(readBack, DialogJson.Options), JsonSerializer.Serialize(copy, DialogJson.Options));
    }

    [Fact]
    public void Changing_a_copys_lists_leaves_the_draft_as_it_was()
    {
        var draft = EveryAnswerGiven();
        var before = JsonSerializer.Serialize(draft, DialogJson.Options);

        var copy = draft.Copy();
        foreach (var property in Properties.Where(p => p.PropertyType != typeof(string) && !p.PropertyType.IsValueType))
        {
            var value = property.GetValue(copy);
            Assert.NotSame(property.GetValue(draft), value);
            switch (value)
            {
                case IList list:
                    list.Add("changed in the copy");
                    break;
                case IDictionary dictionary:
                    dictionary.Clear();
                    break;
                default:
                    Assert.Fail($"IntakeDraft.{property.Name} ({property.PropertyType.Name}): say here how a copy's {property.Name} is changed.");
                    break;
            }
        }

        Assert.Equal(before, JsonSerializer.Serialize(draft, DialogJson.Options));
    }

    [Fact]
    public void A_missing_list_copies_as_an_empty_one_as_it_reads_back()
    {
        var draft = new IntakeDraft { Questions = null!, Records = null! };

        var copy = draft.Copy();

        Assert.Empty(copy.Questions);
        Assert.Empty(copy.Records);
    }

    /// <summary>Every settable property given a value that is not its default, so a property the copy drops shows.</summary>
    private static IntakeDraft EveryAnswerGiven()
    {
        var draft = new IntakeDraft();
        foreach (var property in Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type switch
            {
                _ when type == typeof(string) => $"{property.Name} answer",
                _ when type == typeof(bool) => true,
                _ when type == typeof(int) => 7,
                _ when type == typeof(DateOnly) => new DateOnly(2026, 12, 24),
                _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
                _ when type == typeof(List<string>) => new List<string> { $"{property.Name} one", $"{property.Name} two" },
                _ when type == typeof(Dictionary<string, RecordStatus>) => new Dictionary<string, RecordStatus> { ["imaging"] = RecordStatus.NeedHelp, ["labs"] = RecordStatus.Have },
                _ => throw new InvalidOperationException($"IntakeDraft.{property.Name} is a {type.Name}: give it a value here."),
            };
            property.SetValue(draft, value);
        }

        return draft;
    }
}
