using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

public static class HandoffExtensions
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDatabaseSchema, CaseSchema>();
        builder.Services.AddSingleton<ICaseStore, SqliteCaseStore>();
        return builder;
    }
}
