using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.Runtime.Planning;

namespace Quasar.Runtime;

/// <summary>
/// A model loaded once and run on images: the IR package read and verified, every FPGA op loaded on the accelerator
/// (weights laid out once), the buffers of <see cref="SessionOptions.FramesInFlight"/> frames allocated up front.
/// Host ops run here in C# (docs/numerics.md §6), FPGA ops on the accelerator. Thread-safe: each run takes a frame.
/// </summary>
public sealed class InferenceSession : IDisposable
{
    private readonly ExecutionPlan _plan;
    private readonly ConcurrentBag<Frame> _idle = [];
    private readonly long[] _stepTicks;
    private long _frames, _hostTicks, _acceleratorTicks;

    public InferenceSession(IrGraph graph, IAccelerator accelerator, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(accelerator);
        Options = options ?? new SessionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.FramesInFlight, 1, nameof(options));
        IrVerifier.ThrowIfInvalid(graph, $"opening a session on '{graph.Name}'");
        Graph = graph;
        Accelerator = accelerator;
        Input = ModelInput.Of(graph);
        _plan = PlanBuilder.Build(graph, Input, accelerator, Options);
        _stepTicks = new long[_plan.Steps.Count];
        for (int i = 0; i < Options.FramesInFlight; i++) _idle.Add(_plan.NewFrame());
    }

    /// <summary>Reads the IR package at <paramref name="packageDirectory"/> (checksums, format version, verifier) and opens a session on it.</summary>
    public static InferenceSession Open(string packageDirectory, IAccelerator accelerator, SessionOptions? options = null) =>
        new(IrPackage.Read(packageDirectory), accelerator, options);

    public IrGraph Graph { get; }

    public IAccelerator Accelerator { get; }

    public SessionOptions Options { get; }

    public ModelInput Input { get; }

    /// <summary>Logits per image.</summary>
    public int Classes => _plan.Output.Type.ElementCount;

    /// <summary>Steps per frame, fused host passes counted once: for reports.</summary>
    public int StepCount => _plan.Steps.Count;

    public SessionStatistics Statistics => new(
        Interlocked.Read(ref _frames),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _hostTicks)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _acceleratorTicks)),
        [.. _plan.Steps.Select((step, i) => (step, ticks: Interlocked.Read(ref _stepTicks[i])))
            .GroupBy(s => (s.step.Kind, s.step.OnAccelerator))
            .Select(g => new StepKindTime(g.Key.Kind, g.Key.OnAccelerator, g.Count(), Stopwatch.GetElapsedTime(0, g.Sum(s => s.ticks))))]);

    /// <summary>The logits of one image.</summary>
    public float[] Run(ReadOnlySpan<byte> image)
    {
        var logits = new float[Classes];
        Run(image, logits);
        return logits;
    }

    /// <summary>Writes the logits of one image into <paramref name="logits"/> (<see cref="Classes"/> values).</summary>
    public void Run(ReadOnlySpan<byte> image, Span<float> logits)
    {
        Input.ThrowIfNotImage(image, "the image");
        if (logits.Length != Classes) throw new ArgumentException($"logits has room for {logits.Length} values, the model has {Classes} classes", nameof(logits));
        var frame = Take();
        try
        {
            RunFrame(frame, image, logits);
        }
        finally
        {
            _idle.Add(frame);
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> images with <see cref="SessionOptions.FramesInFlight"/> frames at once, each frame
    /// on its own thread: while one frame waits for the accelerator another runs its host ops. Logits of image i go to
    /// <paramref name="logits"/>[i·Classes ..]; the first failure stops the run and is rethrown.
    /// </summary>
    public void Run(int count, Func<int, ReadOnlyMemory<byte>> images, float[] logits, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (logits.Length != (long)count * Classes)
            throw new ArgumentException($"logits has room for {logits.Length} values, {count} images × {Classes} classes need {(long)count * Classes}", nameof(logits));
        int next = -1, done = 0;
        ExceptionDispatchInfo? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        void Worker()
        {
            var frame = Take();
            try
            {
                for (int i = Interlocked.Increment(ref next); i < count && !stop.IsCancellationRequested; i = Interlocked.Increment(ref next))
                {
                    var image = images(i).Span;
                    Input.ThrowIfNotImage(image, $"image {i}");
                    RunFrame(frame, image, logits.AsSpan(i * Classes, Classes));
                    progress?.Report(Interlocked.Increment(ref done));
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                stop.Cancel();
            }
            finally
            {
                _idle.Add(frame);
            }
        }
        var workers = Enumerable.Range(0, Math.Min(Options.FramesInFlight, Math.Max(count, 1)))
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
    }

    public void Dispose() => Accelerator.Dispose();

    private Frame Take() => _idle.TryTake(out var frame) ? frame : _plan.NewFrame();

    private void RunFrame(Frame frame, ReadOnlySpan<byte> image, Span<float> logits)
    {
        image.CopyTo(frame.Image);
        long host = 0, accelerator = 0;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < _plan.Steps.Count; i++)
        {
            var step = _plan.Steps[i];
            step.Run(frame);
            long end = Stopwatch.GetTimestamp();
            if (step.OnAccelerator) accelerator += end - start;
            else host += end - start;
            Interlocked.Add(ref _stepTicks[i], end - start);
            start = end;
        }
        OutputLogits.Write(frame, _plan.Output, logits);
        host += Stopwatch.GetTimestamp() - start;
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _hostTicks, host);
        Interlocked.Add(ref _acceleratorTicks, accelerator);
    }
}
