using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>A request's services with IBot answered by the echo bot; everything else from the request's own scope.</summary>
internal sealed class EchoBotServices(IServiceProvider inner) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IBot) ? inner.GetRequiredService<StateEchoBot>() : inner.GetService(serviceType);

    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType) ?? throw new InvalidOperationException($"No service for {serviceType}.");

    public object? GetKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetRequiredKeyedService(serviceType, serviceKey);
}
