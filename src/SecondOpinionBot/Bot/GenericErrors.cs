using Microsoft.AspNetCore.Diagnostics;

namespace SecondOpinionBot.Bot;

/// <summary>
/// An unhandled request failure answers a plain 500 with a reference and nothing else, in every environment: the
/// developer exception page (on by default in Development, so in local mode) would show the caller the exception,
/// whose message can quote patient text, and the stack. The log line has the type and the reference, not the message.
/// </summary>
public static partial class GenericErrors
{
    /// <summary>A request body bigger than this is refused by the server before any endpoint reads it.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>ASP.NET Core's own exception logging writes the exception message; it is replaced by <see cref="LogFailed"/>.</summary>
    public const string FrameworkExceptionCategory = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware";

    public static WebApplicationBuilder AddGenericErrors(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Logging.AddFilter(FrameworkExceptionCategory, LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware", LogLevel.None);
        return builder;
    }

    /// <summary>Call first, so it wraps every endpoint (inside the developer exception page, which it then never reaches).</summary>
    public static WebApplication UseGenericErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var reference = Guid.NewGuid().ToString("N")[..12];
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GenericErrors).FullName!);
                LogFailed(logger, reference, error?.GetType().FullName);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { error = $"Something went wrong on the server. (Reference {reference})" });
            },
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed. Reference {Reference}: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string reference, string? exceptionType);
}
