using SecondOpinionBot.Content;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>What staff read, rendered from the real dialogs/en/staff.yaml, so tests compare with the content, not a copy of it.</summary>
internal static class StaffWording
{
    private static readonly StaffText Text = new(ContentFixture.Catalogs);

    public static string Of(StaffRefusal refusal) => Text.Of(refusal);

    public static string Get(MessageKey key, params (string Name, string Value)[] values) => Text.Get(key, values);
}
