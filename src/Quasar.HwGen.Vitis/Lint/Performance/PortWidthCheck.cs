namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>QLINT101: an m_axi port of the top function whose element type is narrower than 128 bits.</summary>
internal static class PortWidthCheck
{
    public const int MinimumBits = 128;

    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        foreach (var top in kernel.Top)
        {
            foreach (var pragma in top.Pragmas(unit.Tokens).Where(p => p.Directive == "INTERFACE" && p.HasWord("m_axi") && p["port"] is not null))
            {
                var parameter = top.Parameters.FirstOrDefault(p => p.Name == pragma["port"]);
                if (parameter is null) continue;
                var bits = TypeWidth.Of(unit, parameter.TypeStart, parameter.TypeEnd);
                if (bits is null || bits >= MinimumBits) continue;
                var type = parameter.Type.Replace(" < ", "<", StringComparison.Ordinal).Replace(" >", ">", StringComparison.Ordinal);
                yield return new LintFinding(rule, $"m_axi port {parameter.Name} ({type}) is {bits} bits wide", "", top.Name,
                    unit.Tokens[parameter.TypeStart].Location, null,
                    $"make the port ap_uint<{MinimumBits}>* (or 512 bits behind SmartConnect) and unpack the words in the kernel, with the data laid out on the host in whole words");
            }
        }
    }
}
