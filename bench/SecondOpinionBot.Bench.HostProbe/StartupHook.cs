using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// Runs before the host's Main (DOTNET_STARTUP_HOOKS names this file's assembly by path). The host's deps.json does
/// not list the probe, so ASP.NET Core's hosting-startup lookup by name would not find it: answer that lookup here.
/// Must be a type named StartupHook in no namespace, with a static Initialize.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        var name = self.GetName().Name;
        AssemblyLoadContext.Default.Resolving += (_, requested) =>
            string.Equals(requested.Name, name, StringComparison.Ordinal) ? self : null;
    }
}
