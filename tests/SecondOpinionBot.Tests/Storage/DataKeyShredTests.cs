using Microsoft.AspNetCore.DataProtection;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>A shredded data key stops working at once, on the instance that shredded it and on every other one sharing the database.</summary>
public sealed class DataKeyShredTests
{
    private const string Subject = "msteams:29:patient-a";

    [Fact]
    public async Task After_a_shred_on_another_instance_a_value_it_had_just_read_can_no_longer_be_decrypted()
    {
        using var db = new TestDatabase();
        var ring = new EphemeralDataProtectionProvider(); // Both instances share the key ring, as they share the database.
        var first = new PatientDataProtector(db.Database, ring, TimeProvider.System);
        var second = new PatientDataProtector(db.Database, ring, TimeProvider.System);
        var stored = await first.ProtectAsync(Subject, "my diagnosis", CancellationToken.None);
        Assert.Equal("my diagnosis", await second.UnprotectAsync(Subject, stored, CancellationToken.None));
        Assert.True(second.HoldsKeyOf(Subject));

        await first.ShredAsync(Subject, CancellationToken.None);

        Assert.Null(await second.UnprotectAsync(Subject, stored, CancellationToken.None));
        Assert.False(second.HoldsKeyOf(Subject));
        Assert.False(first.HoldsKeyOf(Subject));
    }

    [Fact]
    public async Task A_new_key_after_a_shred_does_not_open_what_the_old_key_wrote()
    {
        using var db = new TestDatabase();
        var protector = new PatientDataProtector(db.Database, new EphemeralDataProtectionProvider(), TimeProvider.System);
        var before = await protector.ProtectAsync(Subject, "before", CancellationToken.None);

        await protector.ShredAsync(Subject, CancellationToken.None);
        var after = await protector.ProtectAsync(Subject, "after", CancellationToken.None);

        Assert.Null(await protector.UnprotectAsync(Subject, before, CancellationToken.None));
        Assert.Equal("after", await protector.UnprotectAsync(Subject, after, CancellationToken.None));
    }
}
