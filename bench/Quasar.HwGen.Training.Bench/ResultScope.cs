using Quasar.HwGen.Training;

/// <summary>Disposes the trained supernet at the end.</summary>
internal sealed class ResultScope(TrainingResult value) : IDisposable
{
    public TrainingResult Value { get; } = value;

    public void Dispose() => Value.Supernet.Dispose();
}
