namespace Quasar.HwGen.Core.Configs;

/// <summary>Field paths as issues spell them: <c>image.size</c>, <c>choices.embed_dims[1]</c>, <c>layers[3].heads</c>.</summary>
internal static class ConfigPath
{
    public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string Element(string path, int index) => $"{path}[{index}]";

    /// <summary>The enclosing field (<c>layers[3]</c> for <c>layers[3].heads</c>, <c>layers</c> for <c>layers[3]</c>); "" at the top.</summary>
    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
