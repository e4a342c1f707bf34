using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Quasar.HwGen.Codegen.Templates;

/// <summary>
/// Resolves <c>include</c> names against the template root and nothing else: absolute paths, backslashes and paths
/// that climb out of the root (<c>../</c>) are refused with the location of the include, whether or not such a file
/// exists; so is a name the root does not hold.
/// </summary>
public sealed class ConfinedTemplateLoader(IReadOnlyDictionary<string, string> templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var path = Normalize(templateName)
            ?? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is outside the template root: includes name templates relative to it, without '..'");
        if (!templates.ContainsKey(path)) throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such template under the template root");
        return path;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        templates.TryGetValue(templatePath, out var text) ? text : throw new ScriptRuntimeException(callerSpan, $"no template '{templatePath}' under the template root");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    /// <summary>The '/'-separated path inside the root, or null when <paramref name="name"/> leaves it.</summary>
    public static string? Normalize(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
            || name.StartsWith('/') || Path.IsPathRooted(name))
            return null;
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") return null;
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
