using Quasar.HwGen.Training.Model;

namespace Quasar.HwGen.Training.Tests.Support;

/// <summary>A supernet's parameters and buffers as float arrays, by name.</summary>
public static class StateDicts
{
    public static Dictionary<string, float[]> Snapshot(Supernet supernet) =>
        supernet.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.contiguous().data<float>().ToArray());
}
