using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Core.Lowering.Export;

/// <summary>
/// A trained subnet cut out of its supernet: its float parameters and learned steps, with the subnet and the search
/// space they belong to, so that lowering needs neither the checkpoint nor libtorch (docs/subnet-weights.md).
/// </summary>
public sealed record SubnetWeights(SearchSpace Space, Subnet Subnet, FloatVit Model)
{
    /// <summary>The architecture, which the model's shapes match (checked when the file is read).</summary>
    public VitArchitecture Architecture => Model.Architecture;
}
