using Bascule.Load.Providers;
using Polly;
using Polly.Retry;

namespace Bascule.Load.Resilience;

/// <summary>The retry pipeline for one batch: only the provider's transient faults, exponential back-off with jitter, bounded.</summary>
internal static class BatchRetry
{
    public static ResiliencePipeline Create(IStagingProvider provider, StagingOptions options) =>
        options.MaxRetryAttempts < 1 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(provider.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
