using Bascule.Load.Runs;

namespace Bascule.Reconcile.Tests;

public sealed class RunCacheTests
{
    [Fact]
    public void It_keeps_its_capacity_of_runs_and_forgets_the_one_put_in_first()
    {
        var cache = new RunCache<string>(capacity: 3);
        var runs = Enumerable.Range(0, 5).Select(_ => RunId.New()).ToList();
        foreach (var run in runs)
        {
            cache.Set(run, run.Value);
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(runs[0], out _));
        Assert.False(cache.TryGet(runs[1], out _));
        Assert.All(runs.Skip(2), run => Assert.True(cache.TryGet(run, out var value) && value == run.Value));

        // Setting a run kept again replaces its value and forgets no other run.
        cache.Set(runs[4], "again");
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet(runs[4], out var again));
        Assert.Equal("again", again);
    }

    [Fact]
    public void Get_or_add_makes_a_value_once_and_a_failed_one_is_forgotten_only_if_still_there()
    {
        var cache = new RunCache<object>();
        var run = RunId.New();
        var made = 0;
        object Make(RunId id)
        {
            made++;
            return new object();
        }

        var first = cache.GetOrAdd(run, Make);
        var second = cache.GetOrAdd(run, Make);
        Assert.Same(first, second);
        Assert.Equal(1, made);

        Assert.False(cache.TryRemove(run, new object()));
        Assert.True(cache.TryGet(run, out _));
        Assert.True(cache.TryRemove(run, first));
        Assert.False(cache.TryGet(run, out _));
    }
}
