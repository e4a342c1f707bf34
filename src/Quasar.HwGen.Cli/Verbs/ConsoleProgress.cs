namespace Quasar.HwGen.Cli.Verbs;

/// <summary>Reports progress on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class ConsoleProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
